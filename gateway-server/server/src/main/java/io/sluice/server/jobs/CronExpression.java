package io.sluice.server.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A schedule's cron expression: five fields (minute hour day-of-month month day-of-week), as Unix cron, Kubernetes
 * CronJobs and Airflow write them, or six with seconds first; in a time zone (UTC unless given).
 */
public final class CronExpression
{
    private final CronSchedule schedule;
    private final ZoneId zone;

    private CronExpression(CronSchedule schedule, ZoneId zone)
    {
        this.schedule = requireNonNull(schedule, "schedule is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Parses the expression; fails naming what is wrong with it or with the zone. */
    public static CronExpression parse(String expression, String timeZone)
    {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.strip());
        }
        catch (DateTimeException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Unknown time zone '%s' (use a region such as Europe/Warsaw, or UTC)", shown(timeZone)));
        }
        String text = expression.strip();
        int fields = text.isEmpty() ? 0 : text.split("\\s+").length;
        if (fields != 5 && fields != 6) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid cron expression '%s': it has %d fields; write five (minute hour "
                    + "day-of-month month day-of-week) or six with seconds first", shown(text), fields));
        }
        try {
            return new CronExpression(new CronSchedule(text, zone, fields == 5 ? CronStyle.UNIX : CronStyle.SPRING53), zone);
        }
        catch (RuntimeException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid cron expression '%s': %s", shown(text), e.getMessage()));
        }
    }

    /** The first fire time strictly after {@code time}; empty when there is none. */
    public Optional<Instant> nextAfter(Instant time)
    {
        // Cron fires on whole seconds: from the second the time falls in, the next fire is strictly after it.
        Instant next = schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(time.truncatedTo(ChronoUnit.SECONDS)));
        return next.equals(Schedule.NEVER) ? Optional.empty() : Optional.of(next);
    }

    public ZoneId zone()
    {
        return zone;
    }

    private static String shown(String text)
    {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
