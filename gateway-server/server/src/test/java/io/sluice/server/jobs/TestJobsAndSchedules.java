package io.sluice.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.sluice.server.testing.JdbcRows.rows;
import static io.sluice.server.testing.JobRows.awaitEnd;
import static io.sluice.server.testing.JobRows.describe;
import static io.sluice.server.testing.JobRows.logs;
import static io.sluice.server.testing.JobRows.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jobs, schedules, clusters, storages and groups on the embedded default, through the Hive JDBC driver and over REST:
 * statement jobs run, fail with retries and are cancelled; schedules fire every second, pause, resume and survive a
 * restart without a fire time running twice; bad input is refused with a clear error and changes nothing.
 */
class TestJobsAndSchedules
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("auth.admin-users", "boss")
            .with("jobs.retry-backoff", "100ms")
            .with("jobs.poll-interval", "200ms");

    private static Connection connect(String user)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), user);
    }





    @Test
    void statementJobsRunFailRetryAndCancel()
            throws Exception
    {
        try (Connection connection = connect("alice"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE job_source AS SELECT id FROM range(10)");
            try (ResultSet submitted = statement.executeQuery("SUBMIT JOB shapes AS SELECT 1")) {
                assertThat(submitted.getMetaData().getColumnCount()).isEqualTo(1);
                assertThat(submitted.getMetaData().getColumnName(1)).isEqualTo("job_id");
                assertThat(submitted.next()).isTrue();
                String id = submitted.getString(1);
                try (ResultSet shown = statement.executeQuery("SHOW JOBS LIMIT 1"); ResultSet logged = statement.executeQuery("SHOW JOB LOGS " + id)) {
                    List<String> columns = new ArrayList<>();
                    for (int column = 1; column <= shown.getMetaData().getColumnCount(); column++) {
                        columns.add(shown.getMetaData().getColumnName(column));
                    }
                    assertThat(columns).containsExactly("job_id", "name", "state", "user", "engine", "cluster", "submitted", "started", "finished", "error");
                    assertThat(logged.getMetaData().getColumnName(1)).isEqualTo("line_number");
                    assertThat(logged.getMetaData().getColumnName(3)).isEqualTo("line");
                }
            }
            String counted = submit(statement, "SUBMIT JOB count_rows AS SELECT count(*) AS n FROM job_source WHERE id >= 5");
            assertThat(counted).matches("job_[a-z0-9]{20}");
            Map<String, String> done = awaitEnd(statement, counted, Duration.ofSeconds(60));
            assertThat(done).containsEntry("state", "SUCCEEDED").containsEntry("name", "count_rows").containsEntry("user", "alice").containsEntry("kind", "STATEMENT")
                    .containsEntry("statement", "SELECT count(*) AS n FROM job_source WHERE id >= 5");
            assertThat(done.get("started")).isNotNull();
            assertThat(done.get("finished")).isNotNull();
            assertThat(done.get("run")).isEqualTo("engine duckdb");
            assertThat(logs(statement, counted)).contains("n", "5", "Done: 1 rows").anyMatch(line -> line.contains("Routed to duckdb"));

            // A failing statement is retried sluice.job.max-retries times, then FAILED with the engine's message.
            statement.execute("SET sluice.job.max-retries=2");
            String failing = submit(statement, "SUBMIT JOB broken USING ENGINE duckdb AS SELECT * FROM no_such_table");
            Map<String, String> failed = awaitEnd(statement, failing, Duration.ofSeconds(60));
            assertThat(failed).containsEntry("state", "FAILED").containsEntry("retries", "2").containsEntry("max_retries", "2").containsEntry("engine", "duckdb");
            assertThat(failed.get("error")).contains("no_such_table");
            assertThat(logs(statement, failing)).filteredOn(line -> line.startsWith("Retrying in")).hasSize(2);
            statement.execute("SET sluice.job.max-retries=0");

            // A running job is cancelled: the engine stops the statement.
            String slow = submit(statement, "SUBMIT JOB slow AS SELECT sum(a.id * b.id) FROM range(200000) a, range(200000) b");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!describe(statement, slow).get("state").equals("RUNNING") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(rows(statement, "CANCEL JOB " + slow)).containsExactly(List.of(slow, "CANCELLED"));
            Map<String, String> cancelled = awaitEnd(statement, slow, Duration.ofSeconds(60));
            assertThat(cancelled).containsEntry("state", "CANCELLED").containsEntry("error", "Cancelled by alice");
            assertThatThrownBy(() -> statement.executeQuery("CANCEL JOB " + slow)).hasMessageContaining("already ended (CANCELLED)");

            List<List<String>> shown = rows(statement, "SHOW JOBS LIKE 'count*|broken'");
            assertThat(shown).extracting(row -> row.get(0)).containsExactly(failing, counted);
            assertThat(shown.get(0).subList(1, 6)).containsExactly("broken", "FAILED", "alice", "duckdb", "null");
            assertThat(rows(statement, "SHOW JOBS LIMIT 1")).extracting(row -> row.get(0)).containsExactly(slow);
        }
        // Another user neither sees nor cancels alice's jobs; an administrator sees them.
        try (Connection connection = connect("mallory"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SHOW JOBS")).isEmpty();
            String someone = rows(connect("alice").createStatement(), "SHOW JOBS LIMIT 1").get(0).get(0);
            assertThatThrownBy(() -> statement.executeQuery("DESCRIBE JOB " + someone)).hasMessageContaining("No job " + someone);
            assertThatThrownBy(() -> statement.executeQuery("CANCEL JOB " + someone)).hasMessageContaining("No job " + someone);
        }
        try (Connection connection = connect("boss"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SHOW JOBS")).extracting(row -> row.get(3)).contains("alice");
        }
    }

    @Test
    void badSubmissionsChangeNothing()
            throws Exception
    {
        try (Connection connection = connect("carol"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j USING ENGINE nope AS SELECT 1")).hasMessageContaining("Unknown engine 'nope'");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j ON CLUSTER nowhere AS SELECT 1")).hasMessageContaining("No cluster named nowhere");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j CLASS 'org.example.Main' JAR '/no/such/app.jar'"))
                    .hasMessageContaining("The jar /no/such/app.jar does not exist");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB `x'; DROP TABLE t; --` AS SELECT 1")).hasMessageContaining("Invalid job name");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j CLASS 'org.example.Main' JAR '/tmp' CONF ('not.spark' = 'x')"))
                    .hasMessageContaining("is not a Spark setting");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j AS SHOW JOBS")).hasMessageContaining("not another job");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j CLASS 'Main; rm -rf /' JAR 'local:///a.jar'")).hasMessageContaining("Invalid main class");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB j CLASS 'Main' JAR '/tmp' CONF ('spark.x --class Evil' = 'y')"))
                    .hasMessageContaining("is not a Spark setting");
            assertThatThrownBy(() -> statement.executeQuery("DESCRIBE JOB job_doesnotexist")).hasMessageContaining("No job job_doesnotexist");
            assertThatThrownBy(() -> statement.executeQuery("CREATE SCHEDULE s CRON '61 * * * *' AS SUBMIT JOB j AS SELECT 1")).hasMessageContaining("Invalid cron expression");
            assertThatThrownBy(() -> statement.executeQuery("CREATE SCHEDULE s CRON '* * *' AS SUBMIT JOB j AS SELECT 1")).hasMessageContaining("it has 3 fields");
            assertThatThrownBy(() -> statement.executeQuery("CREATE SCHEDULE s CRON '* * * * *' TIMEZONE 'Mars/Olympus' AS SUBMIT JOB j AS SELECT 1"))
                    .hasMessageContaining("Unknown time zone 'Mars/Olympus'");
            assertThatThrownBy(() -> statement.executeQuery("CREATE SCHEDULE s CRON '* * * * *' AS SUBMIT JOB j USING ENGINE nope AS SELECT 1"))
                    .hasMessageContaining("Unknown engine 'nope'");
            assertThatThrownBy(() -> statement.executeQuery("CREATE CLUSTER k TYPE KUBERNETES WITH (master = 'http://x')")).hasMessageContaining("needs the property 'image'");
            assertThatThrownBy(() -> statement.executeQuery("CREATE CLUSTER k TYPE KUBERNETES WITH (master = 'http://x', image = 'spark:4')"))
                    .hasMessageContaining("k8s://https://host[:port]");
            assertThatThrownBy(() -> statement.executeQuery("CREATE CLUSTER k TYPE LOCAL WITH (colour = 'blue')")).hasMessageContaining("Unknown property 'colour'");
            assertThatThrownBy(() -> statement.executeQuery("CREATE CLUSTER k TYPE MAINFRAME")).hasMessageContaining("Unknown cluster type 'MAINFRAME'");
            assertThatThrownBy(() -> statement.executeQuery("CREATE CLUSTER local TYPE LOCAL")).hasMessageContaining("built in");
            // A quota, as a ResourceQuota caps the namespace: an application asking for more is refused at submission.
            statement.execute("CREATE CLUSTER capped TYPE KUBERNETES WITH (master = 'k8s://https://10.0.0.1:6443', image = 'spark:4', quota.cores = 8, quota.memory = '16g')");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB big ON CLUSTER capped CLASS 'Main' JAR 'local:///app.jar' CONF (spark.executor.instances = '4', "
                    + "spark.executor.cores = '2')")).hasMessageContaining("asks for 9 cores (the driver and 4 executors), more than the cluster capped's quota-cores 8");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB big ON CLUSTER capped CLASS 'Main' JAR 'local:///app.jar' CONF (spark.executor.memory = '8g')"))
                    .hasMessageContaining("asks for 19430 MiB with overhead (the driver and 2 executors), more than the cluster capped's quota-memory 16g");
            assertThatThrownBy(() -> statement.executeQuery("SUBMIT JOB big ON CLUSTER capped CLASS 'Main' JAR 'local:///app.jar' CONF (spark.executor.instances = 'many')"))
                    .hasMessageContaining("spark.executor.instances must be a whole number, not 'many'");
            statement.execute("DROP CLUSTER capped");
            assertThat(rows(statement, "SHOW JOBS")).isEmpty();
            assertThat(rows(statement, "SHOW SCHEDULES")).isEmpty();
            assertThat(rows(statement, "SHOW CLUSTERS")).extracting(row -> row.get(0)).containsExactly("local");
        }
    }

    @Test
    void clustersAndStoragesKeepSecretsSealed()
            throws Exception
    {
        try (Connection connection = connect("dora"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "CREATE STORAGE lake TYPE S3 WITH (endpoint = 'http://127.0.0.1:9000', access.key = 'AKIA-TEST', "
                    + "secret.key = 'very-secret-value', path.style.access = 'true')"))
                    .containsExactly(List.of("lake", "S3", "{\"endpoint\":\"http://127.0.0.1:9000\",\"path-style-access\":\"true\"}", "access-key,secret-key", "dora",
                            rows(statement, "SHOW STORAGES").get(0).get(5)));
            statement.execute("CREATE CLUSTER k8s TYPE KUBERNETES WITH (master = 'k8s://https://10.0.0.1:6443', image = 'apache/spark:4.0.1', namespace = 'jobs', "
                    + "service.account = 'spark', executor.instances = 3, storages = 'lake')");
            List<List<String>> clusters = rows(statement, "SHOW CLUSTERS");
            assertThat(clusters).extracting(row -> row.get(0)).containsExactly("local", "k8s");
            assertThat(clusters.get(1).get(1)).isEqualTo("KUBERNETES");
            assertThat(clusters.get(1).get(3)).isEqualTo("lake");
            statement.execute("ALTER CLUSTER k8s SET (executor.memory = '4g')");
            assertThat(rows(statement, "SHOW CLUSTERS").get(1).get(2)).contains("\"executor-memory\":\"4g\"");

            // The exact submission for the cluster, with the storage's settings and its secrets masked.
            String jobId = submit(statement, "SUBMIT JOB etl ON CLUSTER k8s CLASS 'org.example.Etl' JAR 'local:///opt/app.jar' ARGS ('2026-12-02') "
                    + "CONF (spark.sql.shuffle.partitions = '8')");
            String submission = describe(statement, jobId).get("submission");
            assertThat(submission).startsWith("spark-submit --master k8s://https://10.0.0.1:6443 --deploy-mode cluster")
                    .contains("--conf spark.kubernetes.namespace=jobs", "--conf spark.kubernetes.container.image=apache/spark:4.0.1",
                            "--conf spark.kubernetes.authenticate.driver.serviceAccountName=spark", "--conf spark.executor.instances=3",
                            "--conf spark.executor.memory=4g", "--conf spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000",
                            "--conf spark.hadoop.fs.s3a.access.key=****", "--conf spark.hadoop.fs.s3a.secret.key=****",
                            "--conf spark.hadoop.fs.s3a.path.style.access=true", "--conf spark.sql.shuffle.partitions=8")
                    .contains("--name etl --class org.example.Etl")
                    .endsWith(" local:///opt/app.jar 2026-12-02");
            assertThat(submission).doesNotContain("very-secret-value", "AKIA-TEST");
            // No Kubernetes API answers here: the attempt fails, naming why, and the log shows the masked submission.
            Map<String, String> ended = awaitEnd(statement, jobId, Duration.ofSeconds(60));
            assertThat(ended.get("state")).isEqualTo("FAILED");
            assertThat(ended.get("error")).containsAnyOf("SparkSubmit exited with status", "No Spark at");
            assertThat(String.join("\n", logs(statement, jobId))).doesNotContain("very-secret-value", "AKIA-TEST");

            // Secrets never come back: not in SHOW, DESCRIBE, REST, nor in the store in clear text.
            HttpResponse<String> rest = get("/api/v1/cluster/k8s");
            assertThat(rest.statusCode()).isEqualTo(200);
            assertThat(rest.body()).doesNotContain("very-secret-value");
            // Another user cannot change or drop dora's cluster.
            try (Connection other = connect("eve"); Statement theirs = other.createStatement()) {
                assertThatThrownBy(() -> theirs.execute("DROP CLUSTER k8s")).hasMessageContaining("belongs to another user");
            }
            assertThatThrownBy(() -> statement.execute("DROP STORAGE lake")).hasMessageContaining("attached to the cluster k8s");
            statement.execute("DROP CLUSTER k8s");
            statement.execute("DROP CLUSTER IF EXISTS k8s");
            statement.execute("DROP STORAGE lake");
            assertThat(rows(statement, "SHOW CLUSTERS")).extracting(row -> row.get(0)).containsExactly("local");
        }
    }

    @Test
    void schedulesFireOncePerFireTimePauseResumeAndSurviveRestart()
            throws Exception
    {
        try (Connection connection = connect("sched"); Statement statement = connection.createStatement()) {
            // The schedule keeps the session's database: each fire's job reads sched_db.ticks as `ticks`.
            statement.execute("CREATE DATABASE sched_db");
            statement.execute("CREATE TABLE sched_db.ticks AS SELECT 42 AS answer");
            statement.execute("USE sched_db");
            List<List<String>> created = rows(statement, "CREATE SCHEDULE every_second CRON '* * * * * *' AS SUBMIT JOB tick AS SELECT answer FROM ticks");
            assertThat(created.get(0).subList(0, 2)).containsExactly("every_second", "ACTIVE");
            assertThatThrownBy(() -> statement.executeQuery("CREATE SCHEDULE every_second CRON '* * * * *' AS SUBMIT JOB tick AS SELECT 1"))
                    .hasMessageContaining("already exists");
            waitForJobs(statement, "tick", 3);
            List<List<String>> schedules = rows(statement, "SHOW SCHEDULES");
            assertThat(schedules).hasSize(1);
            assertThat(schedules.get(0).subList(0, 4)).containsExactly("every_second", "* * * * * *", "UTC", "ACTIVE");
            assertThat(schedules.get(0).get(5)).startsWith("job_");

            assertThat(rows(statement, "PAUSE SCHEDULE every_second").get(0).subList(0, 2)).containsExactly("every_second", "PAUSED");
            Thread.sleep(500);
            int paused = rows(statement, "SHOW JOBS LIKE 'tick'").size();
            assertNoNewJobs(statement, "tick", paused, Duration.ofMillis(2500));
            assertThat(rows(statement, "RESUME SCHEDULE every_second").get(0).subList(0, 2)).containsExactly("every_second", "ACTIVE");
            waitForJobs(statement, "tick", paused + 2);
        }
        SLUICE.restart();
        try (Connection connection = connect("sched"); Statement statement = connection.createStatement()) {
            int before = rows(statement, "SHOW JOBS LIKE 'tick'").size();
            waitForJobs(statement, "tick", before + 2);
            statement.execute("DROP SCHEDULE every_second");
            assertThat(rows(statement, "SHOW SCHEDULES")).isEmpty();
            // A fire picked just before the drop may still submit its job.
            Thread.sleep(500);
            int dropped = rows(statement, "SHOW JOBS LIKE 'tick'").size();
            assertNoNewJobs(statement, "tick", dropped, Duration.ofMillis(1500));

            // Every fire time ran once, and every job answered.
            Set<String> fireTimes = new HashSet<>();
            int late = 0;
            List<String> ids = rows(statement, "SHOW JOBS LIKE 'tick'").stream().map(row -> row.get(0)).toList();
            for (String id : ids) {
                Map<String, String> job = awaitEnd(statement, id, Duration.ofSeconds(60));
                assertThat(job).containsEntry("schedule", "every_second");
                assertThat(fireTimes.add(job.get("fire_time"))).as("fire time %s ran once", job.get("fire_time")).isTrue();
                assertThat(Instant.parse(job.get("fire_time")).getNano()).isZero();
                if (Duration.between(Instant.parse(job.get("fire_time")), Instant.parse(job.get("submitted"))).compareTo(Duration.ofSeconds(2)) >= 0) {
                    late++;
                }
            }
            // On time: each job submitted within a poll or two of its fire time, but the one fire that fell in the restart
            // (the misfire policy fires it once, late).
            assertThat(late).isLessThanOrEqualTo(1);
            assertThat(awaitEnd(statement, ids.get(ids.size() - 1), Duration.ofSeconds(60))).containsEntry("state", "SUCCEEDED");
            assertThat(logs(statement, ids.get(ids.size() - 1))).contains("42");
        }
    }

    @Test
    void groupsShareOneEngineSession()
            throws Exception
    {
        try (Connection owner = connect("gina"); Statement statement = owner.createStatement()) {
            assertThat(rows(statement, "CREATE GROUP analysts USING ENGINE duckdb").get(0).subList(0, 3)).containsExactly("analysts", "duckdb", "PAUSED");
            assertThatThrownBy(() -> statement.executeQuery("CREATE GROUP analysts")).hasMessageContaining("already exists");
        }
        String url = SLUICE.binaryUrl("default") + "?sluice.group=analysts";
        try (Connection first = TestClients.HIVE_JDBC.connect(url, "gina"); Connection second = TestClients.HIVE_JDBC.connect(url, "hank");
                Statement one = first.createStatement(); Statement two = second.createStatement()) {
            one.execute("CREATE TEMPORARY VIEW shared_view AS SELECT 7 AS seven");
            assertThat(rows(two, "SELECT seven FROM shared_view")).containsExactly(List.of("7"));
            List<List<String>> groups = rows(two, "SHOW GROUPS");
            assertThat(groups.get(0).subList(0, 4)).containsExactly("analysts", "duckdb", "ACTIVE", "2");
        }
        // Over REST, a call joins the group by name and sees its view.
        JsonNode answer = JSON.readTree(post("/api/v1/group/analysts/execute", "{\"statement\": \"SELECT seven FROM shared_view\", \"user\": \"ivan\"}").body());
        assertThat(answer.get("rows").get(0).get(0).asInt()).isEqualTo(7);
        // A session of its own does not.
        try (Connection alone = connect("gina"); Statement statement = alone.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT seven FROM shared_view")).hasMessageContaining("shared_view");
            assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + "?sluice.group=nobody", "gina"))
                    .hasMessageContaining("No group named nobody");
            statement.execute("DROP GROUP analysts");
            assertThat(rows(statement, "SHOW GROUPS")).isEmpty();
        }
    }

    /** Over the whole window (fire times that would have fired), the jobs of that name stay {@code count}: checked as it passes. */
    private static void assertNoNewJobs(Statement statement, String name, int count, Duration window)
            throws Exception
    {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            assertThat(rows(statement, "SHOW JOBS LIKE '" + name + "'")).hasSize(count);
            Thread.sleep(100);
        }
        assertThat(rows(statement, "SHOW JOBS LIKE '" + name + "'")).hasSize(count);
    }

    private static void waitForJobs(Statement statement, String name, int count)
            throws Exception
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (rows(statement, "SHOW JOBS LIKE '" + name + "'").size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rows(statement, "SHOW JOBS LIKE '" + name + "'")).hasSizeGreaterThanOrEqualTo(count);
    }

    static HttpResponse<String> get(String path)
            throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body)
            throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
