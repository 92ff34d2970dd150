package io.sluice.metastore;

import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metadata store's behaviour, the same on every database it runs on; each subclass names its database. */
abstract class AbstractTestMetastore
{
    protected abstract MetastoreConfig newStore();

    @Test
    void migratesOnceAndKeepsItsState()
            throws SQLException
    {
        MetastoreConfig config = newStore();
        Metastore store = Metastore.open(config);
        assertThat(store.schemaVersion()).isEqualTo(5);
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO iceberg_namespace_properties (catalog_name, namespace, property_key, property_value) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "lakehouse");
            insert.setString(2, "sales");
            insert.setString(3, "exists");
            insert.setString(4, "true");
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        // Opened again, as after a restart: nothing migrates twice and the row is still there.
        Metastore reopened = Metastore.open(config);
        assertThat(reopened.schemaVersion()).isEqualTo(5);
        try (Connection connection = reopened.connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT namespace, property_value FROM iceberg_namespace_properties")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("sales");
            assertThat(rows.getString(2)).isEqualTo("true");
            assertThat(rows.next()).isFalse();
        }
        try (Connection connection = reopened.connection(); Statement statement = connection.createStatement();
                ResultSet history = statement.executeQuery("SELECT count(*) FROM \"" + Metastore.SCHEMA_HISTORY_TABLE + "\" WHERE \"success\" AND \"type\" = 'SQL'")) {
            assertThat(history.next()).isTrue();
            assertThat(history.getInt(1)).isEqualTo(5);
        }
    }

    @Test
    void queryHistoryKeepsRoutesEstimatesAndTimes()
    {
        QueryHistory history = new QueryHistory(Metastore.open(newStore()));
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        history.record(new QueryHistory.QueryRecord("q1", "alice", "SELECT 1", "f1", Optional.of("duckdb"), Optional.of("cheapest feasible engine"),
                OptionalDouble.of(0.001), OptionalDouble.of(0.004), "FINISHED", Optional.empty(), Optional.empty(), start, Optional.of(start.plusMillis(4))));
        history.record(new QueryHistory.QueryRecord("q2", "bob", "SELECT x".repeat(10_000), "f2", Optional.of("trino"), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), "FAILED", Optional.of("Trino is not reachable"), Optional.of("spark"), start.plusSeconds(1),
                Optional.empty()));
        List<QueryHistory.QueryRecord> recent = history.recent(10, Optional.empty());
        assertThat(recent).extracting(QueryHistory.QueryRecord::queryId).containsExactly("q2", "q1");
        assertThat(recent.get(1).actualSeconds()).hasValue(0.004);
        assertThat(recent.get(1).finishedAt()).contains(start.plusMillis(4));
        assertThat(recent.get(0).estimatedSeconds()).isEmpty();
        assertThat(recent.get(0).statement()).hasSize(QueryHistory.MAX_STATEMENT_LENGTH);
        assertThat(recent.get(0).error()).contains("Trino is not reachable");
        assertThat(history.recent(10, Optional.of("alice"))).extracting(QueryHistory.QueryRecord::queryId).containsExactly("q1");
        assertThat(history.prune(1)).isEqualTo(1);
        assertThat(history.recent(10, Optional.empty())).extracting(QueryHistory.QueryRecord::queryId).containsExactly("q2");
    }

    @Test
    void calibrationsKeepEachEnginesLatest()
    {
        RouterCalibrations calibrations = new RouterCalibrations(Metastore.open(newStore()));
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        calibrations.save(List.of(new RouterCalibrations.Calibration(first, "box", "duckdb", 0.002, 3e8, 1e-7),
                new RouterCalibrations.Calibration(first, "box", "trino", 0.2, 1e8, 2e-6)));
        calibrations.save(List.of(new RouterCalibrations.Calibration(first.plusSeconds(60), "box2", "duckdb", 0.001, 5e8, 2e-7)));
        Map<String, RouterCalibrations.Calibration> latest = calibrations.latest();
        assertThat(latest.keySet()).containsExactlyInAnyOrder("duckdb", "trino");
        assertThat(latest.get("duckdb").machine()).isEqualTo("box2");
        assertThat(latest.get("duckdb").scanBytesPerCoreSecond()).isEqualTo(5e8);
        assertThat(latest.get("trino").calibratedAt()).isEqualTo(first);
    }

    @Test
    void icebergTablesHaveViewSupport()
            throws SQLException
    {
        Metastore store = Metastore.open(newStore());
        try (Connection connection = store.connection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name, metadata_location, iceberg_type) "
                    + "VALUES ('lakehouse', 'sales', 'v', 'file:/w/v.metadata.json', 'VIEW')");
            try (ResultSet rows = statement.executeQuery("SELECT iceberg_type FROM iceberg_tables WHERE table_name = 'v'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("VIEW");
            }
            // The catalog's key holds: one entry per name.
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO iceberg_tables (catalog_name, table_namespace, table_name) VALUES ('lakehouse', 'sales', 'v')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void unreachableStoreFailsNamingItsUrlButNotItsPassword()
    {
        MetastoreConfig config = newStore();
        MetastoreConfig wrong = new MetastoreConfig(config.url(), Optional.of("nobody"), Optional.of("s3cret-password"));
        if (config.isEmbedded()) {
            // An embedded store has no users to refuse: point it at a file that cannot be a database.
            wrong = new MetastoreConfig("jdbc:h2:file:/proc/no-such-dir/sluice", Optional.empty(), Optional.of("s3cret-password"));
        }
        MetastoreConfig refused = wrong;
        assertThatThrownBy(() -> Metastore.open(refused))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("Cannot open the metadata store at " + refused.url() + " (metastore.url): ")
                .hasMessageNotContaining("s3cret-password");
        assertThat(refused.toString()).doesNotContain("s3cret-password");
    }

    @Test
    void tokensAreFoundByTheirDigestOnly()
    {
        TokenStore tokens = new TokenStore(Metastore.open(newStore()));
        java.time.Instant created = java.time.Instant.parse("2026-01-01T00:00:00Z");
        tokens.insert(new TokenStore.TokenRecord("alice", "ci", "a".repeat(64), java.util.List.of("analyst"), created, java.util.Optional.of(created.plusSeconds(60)),
                java.util.Optional.empty()));
        assertThatThrownBy(() -> tokens.insert(new TokenStore.TokenRecord("alice", "ci", "b".repeat(64), java.util.List.of(), created, java.util.Optional.empty(),
                java.util.Optional.empty()))).hasMessage("The token ci already exists");
        // Another owner may use the name.
        tokens.insert(new TokenStore.TokenRecord("bob", "ci", "c".repeat(64), java.util.List.of(), created, java.util.Optional.empty(), java.util.Optional.empty()));
        TokenStore.TokenRecord found = tokens.bySecretHash("a".repeat(64)).orElseThrow();
        assertThat(found.owner()).isEqualTo("alice");
        assertThat(found.roles()).containsExactly("analyst");
        assertThat(found.expires()).contains(created.plusSeconds(60));
        tokens.touch("a".repeat(64), created.plusSeconds(5));
        assertThat(tokens.bySecretHash("a".repeat(64)).orElseThrow().lastUsed()).contains(created.plusSeconds(5));
        assertThat(tokens.list(java.util.Optional.of("alice"))).hasSize(1);
        assertThat(tokens.list(java.util.Optional.empty())).extracting(TokenStore.TokenRecord::owner).containsExactly("alice", "bob");
        assertThat(tokens.delete("alice", "ci")).isTrue();
        assertThat(tokens.delete("alice", "ci")).isFalse();
        assertThat(tokens.bySecretHash("a".repeat(64))).isEmpty();
    }

    @Test
    void auditEventsComeBackNewestFirst()
    {
        AuditStore audit = new AuditStore(Metastore.open(newStore()));
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        audit.insert(java.util.List.of(
                new AuditStore.AuditEvent(0, at, "LOGIN", "alice", "127.0.0.1", true, java.util.Optional.empty(), "", "binary via ldap"),
                new AuditStore.AuditEvent(0, at.plusSeconds(1), "STATEMENT", "alice", "127.0.0.1", true, java.util.Optional.of("duckdb"), "t,u", "SELECT * FROM t, u"),
                new AuditStore.AuditEvent(0, at.plusSeconds(2), "LOGIN", "mallory", "10.0.0.9", false, java.util.Optional.empty(), "", "x".repeat(20_000))));
        java.util.List<AuditStore.AuditEvent> events = audit.recent(java.util.Optional.empty(), 10);
        assertThat(events).extracting(AuditStore.AuditEvent::user).containsExactly("mallory", "alice", "alice");
        assertThat(events.get(0).allowed()).isFalse();
        assertThat(events.get(0).detail()).hasSize(16384).endsWith("...");
        assertThat(events.get(1).engine()).contains("duckdb");
        assertThat(events.get(1).objects()).isEqualTo("t,u");
        assertThat(audit.recent(java.util.Optional.of("alice"), 1)).extracting(AuditStore.AuditEvent::kind).containsExactly("STATEMENT");
    }

    @Test
    void jobsMoveOnlyFromTheStateTheyAreIn()
    {
        Metastore store = Metastore.open(newStore());
        JobStore jobs = new JobStore(store);
        Instant submitted = Instant.parse("2026-12-02T10:00:00Z");
        jobs.insert(job("job_a", "nightly", submitted, Optional.empty(), Optional.empty()));
        jobs.insert(job("job_b", "hourly", submitted.plusSeconds(1), Optional.of("every_hour"), Optional.of(submitted)));
        assertThat(jobs.list(Optional.empty(), Optional.empty(), Optional.empty(), 0, 10)).extracting(JobStore.JobRecord::jobId).containsExactly("job_b", "job_a");
        assertThat(jobs.list(Optional.of("alice"), Optional.of("night%"), Optional.empty(), 0, 10)).extracting(JobStore.JobRecord::jobId).containsExactly("job_a");
        assertThat(jobs.list(Optional.empty(), Optional.empty(), Optional.empty(), 1, 10)).extracting(JobStore.JobRecord::jobId).containsExactly("job_a");

        assertThat(jobs.transition("job_a", java.util.Set.of("QUEUED"), "RUNNING", Optional.of(submitted.plusSeconds(2)), Optional.empty(), Optional.empty(), Optional.empty())).isTrue();
        // A second instance that also saw it QUEUED does not start it again.
        assertThat(jobs.transition("job_a", java.util.Set.of("QUEUED"), "RUNNING", Optional.of(submitted.plusSeconds(3)), Optional.empty(), Optional.empty(), Optional.empty())).isFalse();
        assertThat(jobs.transition("job_a", java.util.Set.of("RUNNING"), "FAILED", Optional.empty(), Optional.of(submitted.plusSeconds(4)), Optional.of("boom"), Optional.of(1))).isTrue();
        JobStore.JobRecord failed = jobs.get("job_a").orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.started()).contains(submitted.plusSeconds(2));
        assertThat(failed.finished()).contains(submitted.plusSeconds(4));
        assertThat(failed.error()).contains("boom");
        assertThat(failed.retries()).isEqualTo(1);
        assertThat(jobs.inStates(java.util.Set.of("QUEUED", "RUNNING"))).extracting(JobStore.JobRecord::jobId).containsExactly("job_b");

        // One job per schedule and fire time.
        assertThatThrownBy(() -> jobs.insert(job("job_c", "hourly", submitted, Optional.of("every_hour"), Optional.of(submitted))))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Schedule every_hour already has a job for 2026-12-02T10:00:00Z");

        jobs.appendLog("job_a", List.of("one", "two"));
        jobs.appendLog("job_a", List.of("three"));
        assertThat(jobs.logs("job_a", 0, 10)).extracting(JobStore.LogLine::line).containsExactly("one", "two", "three");
        assertThat(jobs.logs("job_a", 1, 1)).extracting(JobStore.LogLine::number).containsExactly(2);
    }

    @Test
    void concurrentLogWritersNumberEveryLineOnce()
            throws Exception
    {
        JobStore jobs = new JobStore(Metastore.open(newStore()));
        jobs.insert(job("job_logs", "logs", Instant.parse("2026-12-02T10:00:00Z"), Optional.empty(), Optional.empty()));
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (String writer : List.of("run", "cancel")) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        jobs.appendLog("job_logs", List.of(writer + " " + i));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> future : done) {
                future.get();
            }
        }
        finally {
            writers.shutdownNow();
        }
        List<JobStore.LogLine> lines = jobs.logs("job_logs", 0, 1000);
        assertThat(lines).hasSize(80);
        assertThat(lines).extracting(JobStore.LogLine::number).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 80).boxed().toList());
    }

    @Test
    void aFailedTransactionLeavesNothing()
    {
        Metastore store = Metastore.open(newStore());
        JobStore jobs = new JobStore(store);
        Instant submitted = Instant.parse("2026-12-02T10:00:00Z");
        assertThatThrownBy(() -> store.inTransaction(connection -> {
            jobs.insert(job("job_x", "x", submitted, Optional.empty(), Optional.empty()));
            jobs.appendLog("job_x", List.of("written in the transaction"));
            throw new SluiceException(io.sluice.spi.ErrorCode.INVALID_ARGUMENT, "bad input");
        })).hasMessage("bad input");
        assertThat(jobs.get("job_x")).isEmpty();
        assertThat(jobs.logs("job_x", 0, 10)).isEmpty();
        store.inTransaction(connection -> {
            jobs.insert(job("job_y", "y", submitted, Optional.empty(), Optional.empty()));
            return null;
        });
        assertThat(jobs.get("job_y")).isPresent();
    }

    @Test
    void schedulesAndNamedObjects()
    {
        Metastore store = Metastore.open(newStore());
        ScheduleStore schedules = new ScheduleStore(store);
        Instant created = Instant.parse("2026-12-02T10:00:00Z");
        schedules.insert(new ScheduleStore.ScheduleRecord("hourly", "0 * * * *", "UTC", Optional.empty(), Optional.empty(), "ACTIVE",
                "SUBMIT JOB h AS SELECT 1", Map.of("sluice.dialect", "hive"), "alice", created, Optional.of(created.plusSeconds(3600)), Optional.empty(), Optional.empty()));
        assertThatThrownBy(() -> schedules.insert(schedules.get("hourly").orElseThrow())).hasMessage("The schedule hourly already exists");
        schedules.fired("hourly", "job_1", created.plusSeconds(3600), Optional.of(created.plusSeconds(7200)), "ACTIVE");
        ScheduleStore.ScheduleRecord fired = schedules.get("hourly").orElseThrow();
        assertThat(fired.lastJobId()).contains("job_1");
        assertThat(fired.settings()).containsExactly(java.util.Map.entry("sluice.dialect", "hive"));
        assertThat(fired.nextFireTime()).contains(created.plusSeconds(7200));
        assertThat(schedules.setState("hourly", "PAUSED", Optional.empty())).isTrue();
        assertThat(schedules.get("hourly").orElseThrow().nextFireTime()).isEmpty();
        assertThat(schedules.delete("hourly")).isTrue();
        assertThat(schedules.list()).isEmpty();

        NamedObjectStore storages = new NamedObjectStore(store, NamedObjectStore.Kind.STORAGE);
        storages.insert(new NamedObjectStore.NamedObject("lake", "S3", Map.of("endpoint", "http://minio:9000"), "sealed", "alice", created));
        assertThatThrownBy(() -> storages.insert(storages.get("lake").orElseThrow())).hasMessage("The storage lake already exists");
        assertThat(storages.get("lake").orElseThrow().secrets()).isEqualTo("sealed");
        assertThat(storages.update("lake", Map.of("endpoint", "http://other:9000"), "resealed")).isTrue();
        assertThat(storages.get("lake").orElseThrow().properties()).containsEntry("endpoint", "http://other:9000");
        NamedObjectStore clusters = new NamedObjectStore(store, NamedObjectStore.Kind.CLUSTER);
        clusters.insert(new NamedObjectStore.NamedObject("dev", "LOCAL", Map.of(), "", "alice", created));
        assertThat(clusters.list()).extracting(NamedObjectStore.NamedObject::name).containsExactly("dev");
        assertThat(clusters.delete("dev")).isTrue();
        assertThat(clusters.delete("dev")).isFalse();
    }

    @Test
    void pooledConnectionsComeBackClean()
            throws SQLException
    {
        Metastore store = Metastore.open(newStore());
        try (Connection connection = store.connection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate("INSERT INTO sluice_clusters (name, cluster_type, properties, user_name, created_at) VALUES ('left', 'LOCAL', '{}', 'u', CURRENT_TIMESTAMP)");
            // Closed without a commit: the pool rolls it back before another caller gets the connection.
        }
        Connection reused = store.connection();
        assertThat(reused.getAutoCommit()).isTrue();
        try (Statement statement = reused.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM sluice_clusters")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        reused.close();
        assertThat(reused.isClosed()).isTrue();
        assertThatThrownBy(reused::createStatement).isInstanceOf(SQLException.class).hasMessage("The connection is closed");
        store.closeIdle();
    }

    private static JobStore.JobRecord job(String id, String name, Instant submitted, Optional<String> schedule, Optional<Instant> fireTime)
    {
        return new JobStore.JobRecord(id, name, "STATEMENT", "QUEUED", "alice", Optional.of("duckdb"), Optional.empty(), "{\"statement\":\"SELECT 1\"}",
                schedule, fireTime, submitted, Optional.empty(), Optional.empty(), Optional.empty(), 0, 2, Optional.empty());
    }
}
