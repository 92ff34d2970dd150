package io.sluice.server.jobs;

import io.sluice.metastore.MetastoreConfig;
import io.sluice.metastore.TestingMetastores;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Sluice instances on one PostgreSQL store: a schedule fires each fire time once, whichever instance picks it, and
 * every job runs exactly once; a storage's secret sealed on one instance opens on the other (one configured key).
 */
class TestJobsOnSharedPostgres
{
    private static final MetastoreConfig STORE = TestingMetastores.postgres();
    private static final String KEY = "f63YRJWWKJdNiIHAmQtI2ODy5vooz6f7hRjulgRcv4w=";

    @RegisterExtension
    static final SluiceServerExtension FIRST = shared("first");

    @RegisterExtension
    static final SluiceServerExtension SECOND = shared("second");

    private static SluiceServerExtension shared(String name)
    {
        return new SluiceServerExtension()
                .with("metastore.url", STORE.url())
                .with("metastore.user", STORE.user().orElseThrow())
                .with("metastore.password", STORE.password().orElseThrow())
                .with("metastore.secret-key", KEY)
                .with("jobs.instance-name", name)
                .with("jobs.poll-interval", "100ms");
    }

    private static Connection connect(SluiceServerExtension sluice)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(sluice.binaryUrl("default"), "shared");
    }

    @Test
    void eachFireTimeAndEachJobRunsOnce()
            throws Exception
    {
        try (Connection first = connect(FIRST); Connection second = connect(SECOND); Statement one = first.createStatement(); Statement two = second.createStatement()) {
            one.execute("CREATE SCHEDULE shared_tick CRON '* * * * * *' AS SUBMIT JOB shared_tick_job AS SELECT 1");
            // The other instance sees it at once: one store.
            assertThat(rows(two, "SHOW SCHEDULES")).extracting(row -> row.get(0)).containsExactly("shared_tick");
            List<String> submitted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                try (ResultSet result = (i % 2 == 0 ? one : two).executeQuery("SUBMIT JOB burst AS SELECT " + i)) {
                    result.next();
                    submitted.add(result.getString(1));
                }
            }
            // Five fires, whichever instance fires them.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (rows(one, "SHOW JOBS LIKE 'shared_tick_job'").size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            two.execute("DROP SCHEDULE shared_tick");

            Set<String> instances = new HashSet<>();
            for (String jobId : submitted) {
                List<String> started = awaitEndAndStarts(one, jobId);
                assertThat(started).as("job %s started once", jobId).hasSize(1);
                instances.add(started.get(0));
            }
            List<List<String>> ticks = rows(one, "SHOW JOBS LIKE 'shared_tick_job'");
            assertThat(ticks).hasSizeBetween(5, 7);
            Set<String> fireTimes = new HashSet<>();
            for (List<String> tick : ticks) {
                String fireTime = rows(one, "DESCRIBE JOB " + tick.get(0)).stream().filter(row -> row.get(0).equals("fire_time")).findFirst().orElseThrow().get(1);
                assertThat(fireTimes.add(fireTime)).as("fire time %s fired once", fireTime).isTrue();
                List<String> started = awaitEndAndStarts(one, tick.get(0));
                assertThat(started).hasSize(1);
                instances.add(started.get(0));
            }
            // Both instances took work from the one queue.
            assertThat(instances).containsExactlyInAnyOrder("Started on first", "Started on second");

            // A secret sealed through one instance is usable through the other, never shown by either.
            one.execute("CREATE STORAGE shared_lake TYPE S3 WITH (endpoint = 'http://127.0.0.1:9000', secret.key = 'shh-its-secret')");
            two.execute("CREATE CLUSTER shared_cluster TYPE LOCAL WITH (storages = 'shared_lake')");
            String jar = java.nio.file.Files.createTempFile("app", ".jar").toString();
            String jobId;
            try (ResultSet result = two.executeQuery("SUBMIT JOB app ON CLUSTER shared_cluster CLASS 'org.example.Main' JAR '" + jar + "'")) {
                result.next();
                jobId = result.getString(1);
            }
            String submission = rows(one, "DESCRIBE JOB " + jobId).stream().filter(row -> row.get(0).equals("submission")).findFirst().orElseThrow().get(1);
            assertThat(submission).contains("--conf spark.hadoop.fs.s3a.secret.key=****").doesNotContain("shh-its-secret");
            assertThat(rows(two, "SHOW STORAGES").get(0).get(3)).isEqualTo("secret-key");
        }
    }

    /** Waits until the job ended; its log's "Started on" lines, instance names only. */
    private static List<String> awaitEndAndStarts(Statement statement, String jobId)
            throws Exception
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String state = rows(statement, "DESCRIBE JOB " + jobId).stream().filter(row -> row.get(0).equals("state")).findFirst().orElseThrow().get(1);
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                assertThat(state).isEqualTo("SUCCEEDED");
                break;
            }
            Thread.sleep(50);
        }
        List<String> started = new ArrayList<>();
        for (List<String> line : rows(statement, "SHOW JOB LOGS " + jobId)) {
            if (line.get(2).startsWith("Started on ")) {
                started.add(line.get(2).substring(0, line.get(2).indexOf(" (attempt")));
            }
        }
        return started;
    }
}
