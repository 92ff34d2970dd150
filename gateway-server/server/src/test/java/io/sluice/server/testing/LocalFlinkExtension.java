package io.sluice.server.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the local Flink (MiniCluster and SQL Gateway in one JVM, the same launcher {@code bin/sluice engine start
 * flink} runs) once for a test class, on a free port. Register it before the Sluice server that uses it.
 */
public final class LocalFlinkExtension
        implements BeforeAllCallback, AfterAllCallback
{
    private final int port = freePort();
    private Process process;
    private Path directory;

    public int port()
    {
        return port;
    }

    public String endpoint()
    {
        return "http://127.0.0.1:" + port;
    }

    /** The MiniCluster's own REST API (jobs and their states), as the launcher logs it. */
    public String clusterEndpoint()
            throws IOException
    {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("MiniCluster REST on (\\d+)")
                .matcher(Files.readString(directory.resolve("flink.log")));
        if (!matcher.find()) {
            throw new IllegalStateException("The local Flink did not log its MiniCluster's port");
        }
        return "http://127.0.0.1:" + matcher.group(1);
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws Exception
    {
        Path target = Path.of(System.getProperty("sluice.flink-local", "../../engines/flink-local/target"));
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().matches("sluice-flink-local-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build engines/flink-local first: no jar in " + target.toAbsolutePath()));
        }
        directory = Files.createTempDirectory("sluice-flink");
        Files.createDirectories(directory.resolve("conf"));
        Files.writeString(directory.resolve("conf/config.yaml"), "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g", "-cp",
                jar.toAbsolutePath() + File.pathSeparator + target.toAbsolutePath().resolve("flink-local/lib") + File.separator + "*",
                "io.sluice.engine.flink.local.LocalFlinkGateway", String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("flink.log").toFile());
        builder.environment().put("FLINK_CONF_DIR", directory.resolve("conf").toString());
        process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The local Flink exited: " + Files.readString(directory.resolve("flink.log")));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(endpoint() + "/v1/info")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The local Flink did not answer on " + endpoint() + " within 90 s");
    }

    /** Kills Flink the hard way, as a crash would. */
    public void kill()
            throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void afterAll(ExtensionContext context)
            throws InterruptedException
    {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        SluiceServerExtension.deleteRecursively(directory);
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
