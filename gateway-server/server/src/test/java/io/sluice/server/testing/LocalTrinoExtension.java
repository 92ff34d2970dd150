package io.sluice.server.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local Trino the tests use: the one {@code bin/sluice engine start trino} runs (CI starts it before the
 * build, once for the whole run). If none answers, the first test class that needs it starts it with that same
 * command, and it is stopped when the test JVM exits. Set {@code SLUICE_TRINO_PORT} to use another port.
 */
public final class LocalTrinoExtension
        implements BeforeAllCallback
{
    private static final Path PROJECT = Path.of(System.getProperty("sluice.project-root", "../..")).toAbsolutePath().normalize();
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLUICE_TRINO_PORT", "8080"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static boolean startedHere;

    public String endpoint()
    {
        return "http://127.0.0.1:" + PORT;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws Exception
    {
        synchronized (LocalTrinoExtension.class) {
            if (ready()) {
                return;
            }
            start();
            if (!startedHere) {
                startedHere = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        engineCommand("stop");
                    }
                    catch (IOException | InterruptedException e) {
                        // the JVM is exiting; the pid file lets bin/sluice engine stop trino clean up later
                    }
                }));
            }
        }
    }

    /** Whether Trino answers and has finished starting. */
    public boolean ready()
    {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/v1/info")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"starting\":false");
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts Trino with {@code bin/sluice engine start trino}; waits until it is ready. */
    public void start()
            throws IOException, InterruptedException
    {
        engineCommand("start");
        if (!ready()) {
            throw new IllegalStateException("bin/sluice engine start trino returned but Trino does not answer on " + endpoint());
        }
    }

    /** Kills Trino the hard way, as a crash would. */
    public void kill()
            throws Exception
    {
        long pid = Long.parseLong(Files.readString(PROJECT.resolve("var/engines/trino/trino.pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Trino (pid " + pid + ") is not running"));
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void engineCommand(String action)
            throws IOException, InterruptedException
    {
        Path log = Files.createTempFile("sluice-engine-trino", ".log");
        Process process = new ProcessBuilder(List.of(PROJECT.resolve("bin/sluice").toString(), "engine", action, "trino"))
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/sluice engine " + action + " trino failed: " + Files.readString(log, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(log);
    }
}
