package io.sluice.server.auth;

import io.sluice.spi.SluiceException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code bin/sluice passwd <user> [file]}: sets the user's password in the password file (default
 * {@code conf/passwords}): asked twice on a terminal, else read as the first line of standard input. Never echoed.
 */
public final class PasswordTool
{
    private PasswordTool() {}

    public static void main(String[] args)
            throws IOException
    {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: bin/sluice passwd <user> [password file, default conf/passwords]");
            System.exit(2);
        }
        Path file = Path.of(args.length > 1 ? args[1] : "conf/passwords");
        String password;
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("New password for %s: ", args[0]);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                System.err.println("The passwords differ; nothing changed");
                System.exit(1);
            }
            password = new String(first);
        }
        else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        try {
            PasswordFile.setPassword(file, args[0], password);
        }
        catch (SluiceException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.err.println("Password of " + args[0] + " set in " + file);
    }
}
