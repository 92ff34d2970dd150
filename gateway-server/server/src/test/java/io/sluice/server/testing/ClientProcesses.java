package io.sluice.server.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Clients that run in processes of their own: beeline (from the test-clients folder), node, keytool. */
public final class ClientProcesses
{
    private ClientProcesses() {}

    /** How a process ended: its exit code and its standard output and error, interleaved. */
    public record Result(int exitCode, String output) {}

    public static String javaExecutable()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** beeline with these arguments ({@code -u url -n user -p password -e ...}). */
    public static Result beeline(List<String> arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", TestClients.root().resolve("beeline") + "/*", "org.apache.hive.beeline.BeeLine"));
        command.addAll(arguments);
        return run(command, null);
    }

    public static Result run(List<String> command, File directory)
            throws IOException, InterruptedException
    {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
