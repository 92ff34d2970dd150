package io.sluice.server.testing;

import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real Sluice in-process for a test class, on free ports and a fresh data directory, with the embedded
 * DuckDB engine. Register it as a static field with {@code @RegisterExtension}.
 */
public final class SluiceServerExtension
        implements BeforeAllCallback, AfterAllCallback
{
    private final Map<String, String> settings = new HashMap<>();
    private Path dataDirectory;
    private SluiceServer server;

    public SluiceServerExtension()
    {
        settings.put("server.thrift.binary.port", "0");
        settings.put("server.thrift.http.port", "0");
        settings.put("server.rest.port", "0");
        settings.put("engine.duckdb.threads", "2");
        settings.put("engine.duckdb.memory-limit", "2GB");
    }

    public SluiceServerExtension with(String key, String value)
    {
        settings.put(key, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context)
            throws IOException
    {
        dataDirectory = Files.createTempDirectory("sluice-test");
        settings.put("server.data-directory", dataDirectory.toString());
        server = SluiceServer.start(Settings.of(settings));
    }

    @Override
    public void afterAll(ExtensionContext context)
    {
        if (server != null) {
            server.close();
        }
        deleteRecursively(dataDirectory);
    }

    /** Stops and starts the server on the same data directory (new ports). */
    public void restart()
    {
        server.close();
        server = SluiceServer.start(Settings.of(settings));
    }

    public SluiceServer server()
    {
        return server;
    }

    /** The server's data directory ({@code server.data-directory}), a temporary folder of the test's. */
    public Path dataDirectory()
    {
        return dataDirectory;
    }

    public String binaryUrl(String database)
    {
        return "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/" + database;
    }

    /** A {@code jdbc:sluice:} URL of Sluice's own driver, binary transport. */
    public String sluiceUrl(String database)
    {
        return "jdbc:sluice://127.0.0.1:" + server.binaryPort() + "/" + database;
    }

    /** A {@code jdbc:sluice:} URL of Sluice's own driver over the HTTP transport. */
    public String sluiceHttpUrl(String database)
    {
        return "jdbc:sluice://127.0.0.1:" + server.httpPort() + "/" + database + "?transport=http";
    }

    public String httpUrl(String database)
    {
        return "jdbc:hive2://127.0.0.1:" + server.httpPort() + "/" + database + ";transportMode=http;httpPath=cliservice";
    }

    public static void deleteRecursively(Path directory)
    {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
