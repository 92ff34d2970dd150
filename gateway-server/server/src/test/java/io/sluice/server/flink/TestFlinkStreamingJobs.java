package io.sluice.server.flink;

import io.sluice.server.testing.LocalFlinkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sluice.server.testing.JdbcRows.rows;
import static io.sluice.server.testing.JobRows.describe;
import static io.sluice.server.testing.JobRows.logs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flink streaming job started through Sluice (an INSERT from an unbounded source) is a job: RUNNING with its Flink
 * job id while Flink runs it, still watched after Sluice restarts, and stopped on Flink by CANCEL JOB.
 */
class TestFlinkStreamingJobs
{
    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static final LocalFlinkExtension FLINK = new LocalFlinkExtension();

    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,flink")
            .with("engine.flink.endpoint", FLINK.endpoint())
            .with("engine.flink.catalog", LocalFlinkExtension.CATALOG)
            .with("jobs.watch-interval", "500ms")
            .with("jobs.poll-interval", "100ms");

    private static Connection connect()
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + "?sluice.engine=flink;sluice.dialect=flink", "streamer");
    }

    @Test
    void streamingJobsAreWatchedSurviveARestartAndAreCancelled()
            throws Exception
    {
        String suffix = Long.toHexString(System.nanoTime());
        String source = "stream_src_" + suffix;
        String sink = "stream_sink_" + suffix;
        String jobId;
        String flinkJob;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + source + " (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')");
            statement.execute("CREATE TABLE " + sink + " (id BIGINT) WITH ('connector' = 'blackhole')");
            jobId = rows(statement, "SUBMIT JOB endless USING ENGINE flink AS INSERT INTO " + sink + " SELECT id FROM " + source).get(0).get(0);
            Map<String, String> job = awaitRun(statement, jobId);
            assertThat(job.get("state")).isEqualTo("RUNNING");
            assertThat(job.get("run")).matches("flink job [0-9a-f]{32}");
            flinkJob = job.get("run").substring("flink job ".length());
            assertThat(flinkState(statement, flinkJob)).contains("RUNNING");
            assertThat(logs(statement, jobId)).anyMatch(line -> line.startsWith("Runs on as flink job " + flinkJob));
            assertThat(rows(statement, "SHOW JOBS LIKE 'endless'")).extracting(row -> row.get(2)).containsExactly("RUNNING");
        }
        SLUICE.restart();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Still watched after the restart: Flink still runs it, and Sluice still shows it running.
            // Watched over several looks (jobs.watch-interval 500ms): it stays RUNNING while Flink runs it.
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                assertThat(describe(statement, jobId)).containsEntry("state", "RUNNING").containsEntry("run", "flink job " + flinkJob);
                Thread.sleep(100);
            }
            assertThat(rows(statement, "CANCEL JOB " + jobId)).containsExactly(List.of(jobId, "CANCELLED"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!flinkState(statement, flinkJob).equals(Optional.of("CANCELED")) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(flinkState(statement, flinkJob)).contains("CANCELED");
            assertThat(describe(statement, jobId)).containsEntry("state", "CANCELLED");
            assertThat(logs(statement, jobId)).contains("Stopped the flink job " + flinkJob);
            statement.execute("DROP TABLE " + sink);
            statement.execute("DROP TABLE " + source);
        }
    }

    /** The job's state as Flink's own cluster REST API reports it ({@code GET /jobs/{id}}). */
    private static Optional<String> flinkState(Statement statement, String flinkJob)
            throws Exception
    {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(FLINK.clusterEndpoint() + "/jobs/" + flinkJob)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("state").asText());
    }

    private static Map<String, String> awaitRun(Statement statement, String jobId)
            throws Exception
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, String> job = describe(statement, jobId);
        while ((job.get("state").equals("QUEUED") || job.get("run") == null || !job.get("run").startsWith("flink job")) && !job.get("state").equals("FAILED")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = describe(statement, jobId);
        }
        return job;
    }
}
