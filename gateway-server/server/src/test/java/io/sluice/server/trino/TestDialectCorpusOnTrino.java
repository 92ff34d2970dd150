package io.sluice.server.trino;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.server.testing.EngineCorpus;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect corpus, in Spark SQL, through Sluice on the local Trino, compared with the answers Spark gave. Its
 * tables are Iceberg tables. Every query must match or be refused by name; none may answer differently.
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
        List<CorpusRun.Result> results = EngineCorpus.run(SLUICE, "trino");
        assertThat(results).hasSizeGreaterThanOrEqualTo(400);
        assertThat(results.stream().filter(result -> result.outcome() == CorpusRun.Outcome.MATCH).count()).isGreaterThanOrEqualTo(390);
        assertThat(results.stream().filter(result -> !result.outcome().acceptable()).map(result ->
                result.query().id() + " " + result.outcome() + ": " + result.detail()).toList())
                .as("queries that neither match Spark nor are refused by name (see target/corpus-report-trino.md)")
                .isEmpty();
    }
}
