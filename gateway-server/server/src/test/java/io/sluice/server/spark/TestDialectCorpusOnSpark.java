package io.sluice.server.spark;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.server.testing.EngineCorpus;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialect corpus, in Spark SQL, through Sluice on the local Spark Connect server, compared with the answers Spark
 * gave. Spark SQL in and Spark out: every query must give Spark's answer (or fail where Spark failed); a refusal
 * or any other difference is a transpiler bug.
 */
class TestDialectCorpusOnSpark
{
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,spark")
            .with("engine.spark.remote", SPARK.remote());

    @Test
    void corpusGivesSparksOwnAnswers()
            throws Exception
    {
        List<CorpusRun.Result> results = EngineCorpus.run(SLUICE, "spark");
        assertThat(results).hasSizeGreaterThanOrEqualTo(400);
        assertThat(results.stream()
                .filter(result -> result.outcome() != CorpusRun.Outcome.MATCH && result.outcome() != CorpusRun.Outcome.BOTH_FAILED)
                .map(result -> result.query().id() + " " + result.outcome() + ": " + result.detail()).toList())
                .as("queries that do not give Spark's own answer on Spark (see target/corpus-report-spark.md)")
                .isEmpty();
    }
}
