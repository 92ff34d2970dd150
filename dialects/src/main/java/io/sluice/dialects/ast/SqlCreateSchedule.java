package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code CREATE SCHEDULE name CRON 'expr' [TIMEZONE 'zone'] [STARTS 'ts'] [ENDS 'ts'] AS SUBMIT JOB ...}. */
public final class SqlCreateSchedule
        extends SqlStatement
{
    private final String name;
    private final String cron;
    private final Optional<String> timeZone;
    private final Optional<String> starts;
    private final Optional<String> ends;
    private final SqlSubmitJob job;
    private final SqlParserPos jobPosition;

    public SqlCreateSchedule(SqlParserPos pos, String name, String cron, String timeZone, String starts, String ends, SqlSubmitJob job, SqlParserPos jobPosition)
    {
        super(pos, "CREATE SCHEDULE");
        this.name = requireNonNull(name, "name is null");
        this.cron = requireNonNull(cron, "cron is null");
        this.timeZone = Optional.ofNullable(timeZone);
        this.starts = Optional.ofNullable(starts);
        this.ends = Optional.ofNullable(ends);
        this.job = requireNonNull(job, "job is null");
        this.jobPosition = requireNonNull(jobPosition, "jobPosition is null");
    }

    public String name()
    {
        return name;
    }

    public String cron()
    {
        return cron;
    }

    public Optional<String> timeZone()
    {
        return timeZone;
    }

    public Optional<String> starts()
    {
        return starts;
    }

    public Optional<String> ends()
    {
        return ends;
    }

    public SqlSubmitJob job()
    {
        return job;
    }

    /** The {@code SUBMIT JOB ...} text in {@code sql}, the text this node was parsed from: what each fire submits. */
    public String jobText(String sql)
    {
        return SqlManagement.textFrom(sql, jobPosition);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("CREATE SCHEDULE");
        writer.identifier(name, true);
        writer.keyword("CRON");
        writer.print(SqlManagement.quoted(List.of(cron)).get(0) + " ");
        timeZone.ifPresent(value -> {
            writer.keyword("TIMEZONE");
            writer.print(SqlManagement.quoted(List.of(value)).get(0) + " ");
        });
        starts.ifPresent(value -> {
            writer.keyword("STARTS");
            writer.print(SqlManagement.quoted(List.of(value)).get(0) + " ");
        });
        ends.ifPresent(value -> {
            writer.keyword("ENDS");
            writer.print(SqlManagement.quoted(List.of(value)).get(0) + " ");
        });
        writer.keyword("AS");
        job.unparse(writer, 0, 0);
    }
}
