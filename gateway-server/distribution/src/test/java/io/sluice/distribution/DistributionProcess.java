package io.sluice.distribution;

import io.sluice.server.testing.HttpProbes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The assembled distribution started as {@code bin/sluice start} starts it: {@code java -cp lib/*
 * io.sluice.server.SluiceServerMain} in a process of its own, with a plugins directory holding only the plugins a test
 * chose (each linked from the distribution's {@code plugins/}, or any other directory), on free ports.
 */
final class DistributionProcess
        implements AutoCloseable
{
    static final Path DISTRIBUTION = Path.of(requireNonNull(System.getProperty("sluice.distribution"), "sluice.distribution is not set; run through Maven"))
            .toAbsolutePath().normalize();
    private static final Path PROJECT = Path.of(System.getProperty("sluice.project-root", "../..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int binaryPort;
    private final int httpPort;
    private final int restPort;

    private DistributionProcess(Process process, Path log, int binaryPort, int httpPort, int restPort)
    {
        this.process = process;
        this.log = log;
        this.binaryPort = binaryPort;
        this.httpPort = httpPort;
        this.restPort = restPort;
    }

    /** The distribution's own plugin directories with these names. */
    static List<Path> plugins(String... names)
    {
        return Stream.of(names).map(name -> DISTRIBUTION.resolve("plugins").resolve(name)).toList();
    }

    /**
     * Starts the server and waits until {@code /api/v1/health} answers; fails with the server's output if it exits
     * first.
     *
     * @param plugins plugin directories, each linked as {@code plugins/<its name>}
     */
    static DistributionProcess start(Path work, List<Path> plugins, Map<String, String> settings)
            throws IOException, InterruptedException
    {
        DistributionProcess server = launch(work, plugins, settings);
        Process process = server.process;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The distribution exited with " + process.exitValue() + ":\n" + server.output());
            }
            if (server.healthy()) {
                return server;
            }
            Thread.sleep(100);
        }
        server.close();
        throw new IllegalStateException("The distribution did not become healthy in 90 s:\n" + server.output());
    }

    /** Starts the server, expecting it to refuse to start; returns its exit code and output. */
    static Failure startFailing(Path work, List<Path> plugins, Map<String, String> settings)
            throws IOException, InterruptedException
    {
        Process process = launch(work, plugins, settings).process;
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The distribution was expected to fail at start but kept running:\n" + Files.readString(work.resolve("server.log")));
        }
        return new Failure(process.exitValue(), Files.readString(work.resolve("server.log")));
    }

    record Failure(int exitCode, String output) {}

    private static DistributionProcess launch(Path work, List<Path> plugins, Map<String, String> settings)
            throws IOException
    {
        Path pluginsDirectory = Files.createDirectories(work.resolve("plugins"));
        for (Path plugin : plugins) {
            Files.createSymbolicLink(pluginsDirectory.resolve(plugin.getFileName()), plugin.toAbsolutePath());
        }
        Path config = Files.writeString(work.resolve("sluice.conf"), "# settings come from --conf\n");
        int[] ports = {freePort(), freePort(), freePort()};
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                // as bin/sluice runs it: Spark's client reads Arrow batches and Spark's time zones
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + PROJECT.resolve("conf/logback.xml"),
                "-cp", DISTRIBUTION.resolve("lib") + "/*", "io.sluice.server.SluiceServerMain", "--config", config.toString(),
                "--conf", "server.data-directory=" + work.resolve("var"),
                "--conf", "plugins.directory=" + pluginsDirectory,
                "--conf", "server.thrift.binary.port=" + ports[0],
                "--conf", "server.thrift.http.port=" + ports[1],
                "--conf", "server.rest.port=" + ports[2]));
        settings.forEach((key, value) -> command.addAll(List.of("--conf", key + "=" + value)));
        Path log = work.resolve("server.log");
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new DistributionProcess(process, log, ports[0], ports[1], ports[2]);
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    boolean healthy()
    {
        return HttpProbes.answersOk(HTTP, URI.create("http://127.0.0.1:" + restPort + "/api/v1/health"), Duration.ofSeconds(2));
    }

    String binaryUrl(String database)
    {
        return "jdbc:hive2://127.0.0.1:" + binaryPort + "/" + database;
    }

    String httpUrl(String database)
    {
        return "jdbc:hive2://127.0.0.1:" + httpPort + "/" + database + ";transportMode=http;httpPath=cliservice";
    }

    int binaryPort()
    {
        return binaryPort;
    }

    /** What the server printed so far. */
    String output()
    {
        try {
            return Files.readString(log);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
