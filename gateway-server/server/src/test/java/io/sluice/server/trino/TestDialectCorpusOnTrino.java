package io.sluice.server.trino;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect corpus, in Spark SQL, through Sluice on the local Trino with the Hive JDBC driver, compared with the
 * answers Spark gave. Its tables are Iceberg tables in a database of their own, dropped at the end. Every query
 * must match or be refused by name; none may answer differently. The report lands in
 * {@code target/corpus-report-trino.md} (docs/dialects.md quotes it).
 */
class TestDialectCorpusOnTrino
{
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,trino")
            .with("engine.trino.endpoint", TRINO.endpoint());

    @Test
    void corpusMatchesSparkOrIsRefused()
            throws Exception
    {
        String database = "corpus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // The tables on DuckDB too, in a database of the same name: one query pins DuckDB with a hint.
        for (String engine : List.of("trino", "duckdb")) {
            try (Connection connection = connect("default", engine); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        try (Connection connection = connect(database, "duckdb")) {
            CorpusRun.setUp(connection);
        }
        List<CorpusRun.Result> results;
        try (Connection connection = connect(database, "trino")) {
            CorpusRun.setUp(connection);
            results = CorpusRun.run(connection);
        }
        finally {
            try (Connection connection = connect("default", "trino"); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE " + database + " CASCADE");
            }
        }
        String report = CorpusRun.report("trino", results);
        Files.writeString(Path.of("target", "corpus-report-trino.md"), report, StandardCharsets.UTF_8);
        assertThat(results).hasSizeGreaterThanOrEqualTo(400);
        assertThat(results.stream().filter(result -> result.outcome() == CorpusRun.Outcome.MATCH).count()).isGreaterThanOrEqualTo(380);
        assertThat(results.stream().filter(result -> !result.outcome().acceptable()).map(result ->
                result.query().id() + " " + result.outcome() + ": " + result.detail()).toList())
                .as("queries that neither match Spark nor are refused by name (see target/corpus-report-trino.md)")
                .isEmpty();
    }

    private static Connection connect(String database, String engine)
            throws java.sql.SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl(database) + "?sluice.engine=" + engine, "corpus");
    }
}
