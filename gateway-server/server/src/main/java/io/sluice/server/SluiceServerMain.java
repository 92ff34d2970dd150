package io.sluice.server;

import io.sluice.server.config.Settings;
import io.sluice.spi.SluiceException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java io.sluice.server.SluiceServerMain [--config FILE] [--conf key=value ...]}: runs Sluice in the
 * foreground until stopped. {@code bin/sluice} is the usual way in.
 */
public final class SluiceServerMain
{
    private SluiceServerMain() {}

    public static void main(String[] args)
    {
        Path configFile = Path.of("conf", "sluice.conf");
        Map<String, String> overrides = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> configFile = Path.of(argument(args, ++i, "--config"));
                case "--conf" -> {
                    String setting = argument(args, ++i, "--conf");
                    int equals = setting.indexOf('=');
                    if (equals <= 0) {
                        fail("--conf takes key=value, got: " + setting);
                    }
                    overrides.put(setting.substring(0, equals).trim(), setting.substring(equals + 1).trim());
                }
                default -> fail("Unknown argument: " + args[i] + "\nUsage: sluice [--config FILE] [--conf key=value ...]");
            }
        }
        SluiceServer server;
        try {
            server = SluiceServer.start(Settings.load(configFile, System.getenv(), overrides));
        }
        catch (SluiceException e) {
            fail("Sluice failed to start: " + e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sluice-shutdown"));
        try {
            stopped.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String argument(String[] args, int index, String option)
    {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static void fail(String message)
    {
        System.err.println(message);
        System.exit(2);
    }
}
