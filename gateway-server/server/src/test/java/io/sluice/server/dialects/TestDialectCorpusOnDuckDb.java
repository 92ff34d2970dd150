package io.sluice.server.dialects;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect corpus, in Spark SQL, through Sluice on DuckDB with the Hive JDBC driver, compared with the answers
 * Spark gave. Every query must match or be refused by name; none may answer differently. The report lands in
 * {@code target/corpus-report-duckdb.md} (docs/dialects.md quotes it).
 */
class TestDialectCorpusOnDuckDb
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    @Test
    void corpusMatchesSparkOrIsRefused()
            throws Exception
    {
        List<CorpusRun.Result> results;
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "corpus")) {
            CorpusRun.setUp(connection);
            results = CorpusRun.run(connection);
        }
        String report = CorpusRun.report("duckdb", results);
        Files.writeString(Path.of("target", "corpus-report-duckdb.md"), report, StandardCharsets.UTF_8);
        assertThat(results).hasSizeGreaterThanOrEqualTo(400);
        assertThat(results.stream().filter(result -> !result.outcome().acceptable()).map(result ->
                result.query().id() + " " + result.outcome() + ": " + result.detail()).toList())
                .as("queries that neither match Spark nor are refused by name (see target/corpus-report-duckdb.md)")
                .isEmpty();
    }
}
