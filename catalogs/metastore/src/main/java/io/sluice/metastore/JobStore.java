package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.sluice.metastore.StoreRows.instant;
import static io.sluice.metastore.StoreRows.setInstant;
import static io.sluice.metastore.StoreRows.setText;
import static io.sluice.metastore.StoreRows.text;
import static java.util.Objects.requireNonNull;

/** Jobs and their logs in the metadata store. Every change of state is conditional on the state it leaves. */
public final class JobStore
{
    /** Lines longer than this are cut. */
    public static final int MAX_LOG_LINE = 8192;

    /**
     * One job.
     *
     * @param kind {@code STATEMENT} or {@code APPLICATION}
     * @param state {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
     * @param definition what the job runs, as JSON written by the server
     * @param externalId the engine's or cluster's id of the run (a Flink job id, a Spark application's process)
     */
    public record JobRecord(String jobId, String name, String kind, String state, String user, Optional<String> engine, Optional<String> cluster,
            String definition, Optional<String> schedule, Optional<Instant> fireTime, Instant submitted, Optional<Instant> started,
            Optional<Instant> finished, Optional<String> error, int retries, int maxRetries, Optional<String> externalId)
    {
        public JobRecord
        {
            requireNonNull(jobId, "jobId is null");
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(state, "state is null");
            requireNonNull(user, "user is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(cluster, "cluster is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(schedule, "schedule is null");
            requireNonNull(fireTime, "fireTime is null");
            requireNonNull(submitted, "submitted is null");
            requireNonNull(started, "started is null");
            requireNonNull(finished, "finished is null");
            requireNonNull(error, "error is null");
            requireNonNull(externalId, "externalId is null");
        }
    }

    /** One line of a job's log. */
    public record LogLine(int number, Instant at, String line)
    {
        public LogLine
        {
            requireNonNull(at, "at is null");
            requireNonNull(line, "line is null");
        }
    }

    private static final String COLUMNS = "job_id, name, kind, state, user_name, engine, cluster_name, definition, schedule_name, fire_time, submitted_at, "
            + "started_at, finished_at, error_message, retries, max_retries, external_id";

    private final Metastore store;

    public JobStore(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** Adds a job; fails with {@link ErrorCode#ALREADY_EXISTS} when its schedule already has a job for its fire time. */
    public void insert(JobRecord job)
    {
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, job.jobId());
            insert.setString(2, job.name());
            insert.setString(3, job.kind());
            insert.setString(4, job.state());
            insert.setString(5, job.user());
            setText(insert, 6, job.engine());
            setText(insert, 7, job.cluster());
            insert.setString(8, job.definition());
            setText(insert, 9, job.schedule());
            setInstant(insert, 10, job.fireTime());
            insert.setTimestamp(11, Timestamp.from(job.submitted()));
            setInstant(insert, 12, job.started());
            setInstant(insert, 13, job.finished());
            setText(insert, 14, job.error().map(error -> cut(error, 4096)));
            insert.setInt(15, job.retries());
            insert.setInt(16, job.maxRetries());
            setText(insert, 17, job.externalId());
            insert.executeUpdate();
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, job.schedule().isPresent()
                        ? "Schedule " + job.schedule().get() + " already has a job for " + job.fireTime().map(Instant::toString).orElse("this fire time")
                        : "Job " + job.jobId() + " already exists");
            }
            throw StoreRows.failure("add job " + job.jobId(), e);
        }
    }

    public Optional<JobRecord> get(String jobId)
    {
        try (Connection connection = store.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sluice_jobs WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(job(rows)) : Optional.empty();
            }
        }
        catch (SQLException e) {
            throw StoreRows.failure("read job " + jobId, e);
        }
    }

    /**
     * Jobs newest first: only {@code user}'s when given, only those whose name matches the SQL LIKE {@code namePattern}
     * when given, at most {@code limit} after skipping {@code offset}.
     */
    public List<JobRecord> list(Optional<String> user, Optional<String> namePattern, Optional<String> state, int offset, int limit)
    {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sluice_jobs WHERE 1 = 1");
        user.ifPresent(value -> sql.append(" AND user_name = ?"));
        namePattern.ifPresent(value -> sql.append(" AND name LIKE ? ESCAPE '\\'"));
        state.ifPresent(value -> sql.append(" AND state = ?"));
        sql.append(" ORDER BY submitted_at DESC, job_id DESC");
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (user.isPresent()) {
                select.setString(index++, user.get());
            }
            if (namePattern.isPresent()) {
                select.setString(index++, namePattern.get());
            }
            if (state.isPresent()) {
                select.setString(index, state.get());
            }
            select.setMaxRows(offset + limit);
            List<JobRecord> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                int seen = 0;
                while (rows.next()) {
                    if (seen++ >= offset) {
                        jobs.add(job(rows));
                    }
                }
            }
            return jobs;
        }
        catch (SQLException e) {
            throw StoreRows.failure("list jobs", e);
        }
    }

    /** Jobs in one of {@code states}, oldest first: what a starting server looks at. */
    public List<JobRecord> inStates(Set<String> states)
    {
        String marks = String.join(", ", states.stream().map(state -> "?").toList());
        try (Connection connection = store.connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sluice_jobs WHERE state IN (" + marks + ") ORDER BY submitted_at")) {
            int index = 1;
            for (String state : states) {
                select.setString(index++, state);
            }
            List<JobRecord> jobs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(job(rows));
                }
            }
            return jobs;
        }
        catch (SQLException e) {
            throw StoreRows.failure("list jobs", e);
        }
    }

    /**
     * Moves a job from one of {@code from} to {@code to}, setting the times, error and retries given; false when the job
     * was in none of {@code from} (another instance or a cancel moved it first).
     */
    public boolean transition(String jobId, Set<String> from, String to, Optional<Instant> started, Optional<Instant> finished, Optional<String> error,
            Optional<Integer> retries)
    {
        StringBuilder sql = new StringBuilder("UPDATE sluice_jobs SET state = ?");
        started.ifPresent(value -> sql.append(", started_at = ?"));
        finished.ifPresent(value -> sql.append(", finished_at = ?"));
        error.ifPresent(value -> sql.append(", error_message = ?"));
        retries.ifPresent(value -> sql.append(", retries = ?"));
        sql.append(" WHERE job_id = ? AND state IN (").append(String.join(", ", from.stream().map(state -> "?").toList())).append(")");
        try (Connection connection = store.connection(); PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            update.setString(index++, to);
            if (started.isPresent()) {
                update.setTimestamp(index++, Timestamp.from(started.get()));
            }
            if (finished.isPresent()) {
                update.setTimestamp(index++, Timestamp.from(finished.get()));
            }
            if (error.isPresent()) {
                update.setString(index++, cut(error.get(), 4096));
            }
            if (retries.isPresent()) {
                update.setInt(index++, retries.get());
            }
            update.setString(index++, jobId);
            for (String state : from) {
                update.setString(index++, state);
            }
            return update.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("change the state of job " + jobId, e);
        }
    }

    /** Records the engine's or cluster's id of the job's run. */
    public void setExternalId(String jobId, String externalId)
    {
        try (Connection connection = store.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE sluice_jobs SET external_id = ? WHERE job_id = ?")) {
            update.setString(1, cut(externalId, 255));
            update.setString(2, jobId);
            update.executeUpdate();
        }
        catch (SQLException e) {
            throw StoreRows.failure("record the run of job " + jobId, e);
        }
    }

    /**
     * Appends lines to the job's log, numbered after its last line. Writers of one job's log (its run, a cancel, on any
     * instance) take turns on the job's row, so that no two pick the same numbers.
     */
    public void appendLog(String jobId, List<String> lines)
    {
        if (lines.isEmpty()) {
            return;
        }
        store.inTransaction(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT job_id FROM sluice_jobs WHERE job_id = ? FOR UPDATE")) {
                lock.setString(1, jobId);
                lock.executeQuery().close();
            }
            insertLines(connection, jobId, lines);
            return null;
        });
    }

    private static void insertLines(Connection connection, String jobId, List<String> lines)
            throws SQLException
    {
        int next;
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(line_number), 0) FROM sluice_job_logs WHERE job_id = ?")) {
            select.setString(1, jobId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                next = rows.getInt(1) + 1;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_job_logs (job_id, line_number, logged_at, line) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (String line : lines) {
                insert.setString(1, jobId);
                insert.setInt(2, next++);
                insert.setTimestamp(3, now);
                insert.setString(4, cut(line, MAX_LOG_LINE));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The job's log lines after line {@code after}, at most {@code limit}, in order. */
    public List<LogLine> logs(String jobId, int after, int limit)
    {
        try (Connection connection = store.connection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT line_number, logged_at, line FROM sluice_job_logs WHERE job_id = ? AND line_number > ? ORDER BY line_number")) {
            select.setString(1, jobId);
            select.setInt(2, after);
            select.setMaxRows(limit);
            List<LogLine> lines = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(new LogLine(rows.getInt(1), rows.getTimestamp(2).toInstant(), rows.getString(3)));
                }
            }
            return lines;
        }
        catch (SQLException e) {
            throw StoreRows.failure("read the log of job " + jobId, e);
        }
    }

    private static JobRecord job(ResultSet rows)
            throws SQLException
    {
        return new JobRecord(rows.getString("job_id"), rows.getString("name"), rows.getString("kind"), rows.getString("state"), rows.getString("user_name"),
                text(rows, "engine"), text(rows, "cluster_name"), rows.getString("definition"), text(rows, "schedule_name"), instant(rows, "fire_time"),
                rows.getTimestamp("submitted_at").toInstant(), instant(rows, "started_at"), instant(rows, "finished_at"), text(rows, "error_message"),
                rows.getInt("retries"), rows.getInt("max_retries"), text(rows, "external_id"));
    }

    private static String cut(String text, int length)
    {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
