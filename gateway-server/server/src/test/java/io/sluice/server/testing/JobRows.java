package io.sluice.server.testing;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.server.testing.JdbcRows.rows;

/** Jobs through SQL for the tests: SUBMIT JOB's id, DESCRIBE JOB as a map, waiting for a job's end, its log lines. */
public final class JobRows
{
    private JobRows() {}

    /** Runs a SUBMIT JOB; its one row's {@code job_id}. */
    public static String submit(Statement statement, String sql)
            throws SQLException
    {
        List<List<String>> result = rows(statement, sql);
        if (result.size() != 1 || !result.get(0).get(0).startsWith("job_")) {
            throw new AssertionError("SUBMIT JOB answered " + result);
        }
        return result.get(0).get(0);
    }

    /** DESCRIBE JOB as property → value (a NULL as {@code "null"}). */
    public static Map<String, String> describe(Statement statement, String jobId)
            throws SQLException
    {
        Map<String, String> job = new HashMap<>();
        for (List<String> row : rows(statement, "DESCRIBE JOB " + jobId)) {
            job.put(row.get(0), row.get(1));
        }
        return job;
    }

    /** Waits until the job is neither QUEUED nor RUNNING, or the timeout passed; the job as DESCRIBE JOB shows it then. */
    public static Map<String, String> awaitEnd(Statement statement, String jobId, Duration timeout)
            throws SQLException, InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> job = describe(statement, jobId);
        while ((job.get("state").equals("QUEUED") || job.get("state").equals("RUNNING")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = describe(statement, jobId);
        }
        return job;
    }

    /** The job's log lines, all of them. */
    public static List<String> logs(Statement statement, String jobId)
            throws SQLException
    {
        return rows(statement, "SHOW JOB LOGS '" + jobId + "' LIMIT 1000000").stream().map(row -> row.get(2)).toList();
    }
}
