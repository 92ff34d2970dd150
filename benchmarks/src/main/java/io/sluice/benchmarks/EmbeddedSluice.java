package io.sluice.benchmarks;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.SluiceServerExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** A Sluice on the embedded default in a data directory of its own, ports chosen at start, for harnesses run without a running Sluice. */
final class EmbeddedSluice
        implements AutoCloseable
{
    private final SluiceServer server;
    private final Path data;

    private EmbeddedSluice(SluiceServer server, Path data)
    {
        this.server = requireNonNull(server, "server is null");
        this.data = requireNonNull(data, "data is null");
    }

    static EmbeddedSluice start()
            throws IOException
    {
        Path data = Files.createTempDirectory("sluice-benchmark");
        Map<String, String> settings = new HashMap<>();
        settings.put("server.thrift.binary.port", "0");
        settings.put("server.thrift.http.port", "0");
        settings.put("server.rest.port", "0");
        settings.put("server.data-directory", data.toString());
        return new EmbeddedSluice(SluiceServer.start(Settings.of(settings)), data);
    }

    SluiceServer server()
    {
        return server;
    }

    /** The Hive JDBC URL of its binary port, database {@code default}. */
    String binaryUrl()
    {
        return "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default";
    }

    String restUrl()
    {
        return "http://127.0.0.1:" + server.restPort();
    }

    @Override
    public void close()
    {
        server.close();
        SluiceServerExtension.deleteRecursively(data);
    }
}
