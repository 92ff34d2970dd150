package io.sluice.server.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * A local engine the tests use: the one {@code bin/sluice engine start <name>} runs (CI starts it before the
 * build, once for the whole run). If none answers, the first test class that needs it starts it with that same
 * command, and it is stopped when the test JVM exits.
 */
public abstract class LocalEngineExtension
        implements BeforeAllCallback
{
    private static final Path PROJECT = Path.of(System.getProperty("sluice.project-root", "../..")).toAbsolutePath().normalize();
    private static final Set<String> STARTED_HERE = ConcurrentHashMap.newKeySet();

    private final String name;

    protected LocalEngineExtension(String name)
    {
        this.name = requireNonNull(name, "name is null");
    }

    /** Whether the engine answers and is ready for statements. */
    public abstract boolean ready();

    @Override
    public void beforeAll(ExtensionContext context)
            throws Exception
    {
        synchronized (LocalEngineExtension.class) {
            if (ready()) {
                return;
            }
            start();
            if (STARTED_HERE.add(name)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        engineCommand("stop");
                    }
                    catch (IOException | InterruptedException e) {
                        // the JVM is exiting; the pid file lets bin/sluice engine stop clean up later
                    }
                }));
            }
        }
    }

    /** Starts the engine with {@code bin/sluice engine start}; waits until it is ready. */
    public void start()
            throws IOException, InterruptedException
    {
        engineCommand("start");
        // bin/sluice returns once the engine's process is up; its endpoint may take a moment more on a loaded machine.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("bin/sluice engine start " + name + " returned but the engine is not ready after 60 s");
            }
            Thread.sleep(500);
        }
    }

    /** Where {@code bin/sluice engine} keeps the engine's pid, log and data. */
    protected Path directory()
    {
        return PROJECT.resolve("var/engines/" + name);
    }

    /** Kills the engine the hard way, as a crash would. */
    public void kill()
            throws Exception
    {
        long pid = Long.parseLong(Files.readString(directory().resolve(name + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private void engineCommand(String action)
            throws IOException, InterruptedException
    {
        Path log = Files.createTempFile("sluice-engine-" + name, ".log");
        Process process = new ProcessBuilder(List.of(PROJECT.resolve("bin/sluice").toString(), "engine", action, name))
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/sluice engine " + action + " " + name + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(log);
    }
}
