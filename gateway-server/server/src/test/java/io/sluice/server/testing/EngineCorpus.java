package io.sluice.server.testing;

import io.sluice.dialects.corpus.CorpusRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * Runs the dialect corpus through Sluice on one engine, with the Hive JDBC driver: its tables in a database of
 * their own on that engine (created, then dropped), and on DuckDB too under the same name, since one query pins
 * DuckDB with a hint. The report lands in {@code target/corpus-report-<engine>.md} (docs/dialects.md quotes it).
 */
public final class EngineCorpus
{
    private EngineCorpus() {}

    public static List<CorpusRun.Result> run(SluiceServerExtension sluice, String engine)
            throws Exception
    {
        String database = "corpus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        for (String each : List.of(engine, "duckdb")) {
            try (Connection connection = connect(sluice, "default", each); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        try (Connection connection = connect(sluice, database, "duckdb")) {
            CorpusRun.setUp(connection);
        }
        List<CorpusRun.Result> results;
        try (Connection connection = connect(sluice, database, engine)) {
            CorpusRun.setUp(connection);
            results = CorpusRun.run(connection);
        }
        finally {
            try (Connection connection = connect(sluice, "default", engine); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + database + " CASCADE");
            }
        }
        Files.writeString(Path.of("target", "corpus-report-" + engine + ".md"), CorpusRun.report(engine, results), StandardCharsets.UTF_8);
        return results;
    }

    private static Connection connect(SluiceServerExtension sluice, String database, String engine)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(sluice.binaryUrl(database) + "?sluice.engine=" + engine, "corpus");
    }
}
