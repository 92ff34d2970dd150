package io.sluice.metastore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Metadata stores for tests: an embedded H2 database in a fresh directory, or a fresh schema in the local PostgreSQL
 * that {@code .ci/postgres} starts ({@code SLUICE_TEST_POSTGRES_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/sluice_test},
 * user and password {@code sluice}).
 */
public final class TestingMetastores
{
    public static final String POSTGRES_URL = System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/sluice_test");
    public static final String POSTGRES_USER = System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_USER", "sluice");
    public static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_PASSWORD", "sluice");

    private TestingMetastores() {}

    public static MetastoreConfig h2()
    {
        try {
            return MetastoreConfig.embedded(Files.createTempDirectory("sluice-meta"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema of its own in the local PostgreSQL, so that tests never see each other's state. */
    public static MetastoreConfig postgres()
    {
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        catch (SQLException e) {
            throw new AssertionError("The tests need PostgreSQL at " + POSTGRES_URL + " (user " + POSTGRES_USER + "): run .ci/postgres. " + e.getMessage(), e);
        }
        String separator = POSTGRES_URL.contains("?") ? "&" : "?";
        return new MetastoreConfig(POSTGRES_URL + separator + "currentSchema=" + schema, Optional.of(POSTGRES_USER), Optional.of(POSTGRES_PASSWORD));
    }

    /** The directory of an embedded store, for tests that delete it afterwards. */
    public static Optional<Path> directory(MetastoreConfig config)
    {
        return config.isEmbedded() ? Optional.of(Path.of(config.url().substring("jdbc:h2:file:".length()).split(";")[0]).getParent()) : Optional.empty();
    }
}
