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
import java.util.Map;
import java.util.Optional;

import static io.sluice.metastore.StoreRows.instant;
import static io.sluice.metastore.StoreRows.setInstant;
import static io.sluice.metastore.StoreRows.text;
import static java.util.Objects.requireNonNull;

/** Schedules in the metadata store: when each fires and the {@code SUBMIT JOB} it submits then. */
public final class ScheduleStore
{
    /**
     * One schedule.
     *
     * @param state {@code ACTIVE}, {@code PAUSED} or {@code ENDED}
     * @param job the {@code SUBMIT JOB ...} statement each fire submits
     * @param settings the session settings it is read and run with (dialect, database, retries)
     */
    public record ScheduleRecord(String name, String cron, String timeZone, Optional<Instant> starts, Optional<Instant> ends, String state, String job,
            Map<String, String> settings, String user, Instant created, Optional<Instant> nextFireTime, Optional<String> lastJobId, Optional<Instant> lastFireTime)
    {
        public ScheduleRecord
        {
            settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requireNonNull(settings, "settings is null")));
            requireNonNull(name, "name is null");
            requireNonNull(cron, "cron is null");
            requireNonNull(timeZone, "timeZone is null");
            requireNonNull(starts, "starts is null");
            requireNonNull(ends, "ends is null");
            requireNonNull(state, "state is null");
            requireNonNull(job, "job is null");
            requireNonNull(user, "user is null");
            requireNonNull(created, "created is null");
            requireNonNull(nextFireTime, "nextFireTime is null");
            requireNonNull(lastJobId, "lastJobId is null");
            requireNonNull(lastFireTime, "lastFireTime is null");
        }
    }

    private static final String COLUMNS = "name, cron, time_zone, starts_at, ends_at, state, job, settings, user_name, created_at, next_fire_time, last_job_id, "
            + "last_fire_time";

    private final Metastore store;

    public ScheduleStore(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** Adds a schedule; fails with {@link ErrorCode#ALREADY_EXISTS} when one of its name exists. */
    public void insert(ScheduleRecord schedule)
    {
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_schedules (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, schedule.name());
            insert.setString(2, schedule.cron());
            insert.setString(3, schedule.timeZone());
            setInstant(insert, 4, schedule.starts());
            setInstant(insert, 5, schedule.ends());
            insert.setString(6, schedule.state());
            insert.setString(7, schedule.job());
            insert.setString(8, StoreRows.json(schedule.settings()));
            insert.setString(9, schedule.user());
            insert.setTimestamp(10, Timestamp.from(schedule.created()));
            setInstant(insert, 11, schedule.nextFireTime());
            StoreRows.setText(insert, 12, schedule.lastJobId());
            setInstant(insert, 13, schedule.lastFireTime());
            insert.executeUpdate();
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, "The schedule " + schedule.name() + " already exists");
            }
            throw StoreRows.failure("add schedule " + schedule.name(), e);
        }
    }

    public Optional<ScheduleRecord> get(String name)
    {
        List<ScheduleRecord> found = select(" WHERE name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<ScheduleRecord> list()
    {
        return select(" ORDER BY name", null);
    }

    /** Sets the state and the next fire time (empty when it will not fire); false when there is no such schedule. */
    public boolean setState(String name, String state, Optional<Instant> nextFireTime)
    {
        try (Connection connection = store.connection();
                PreparedStatement update = connection.prepareStatement("UPDATE sluice_schedules SET state = ?, next_fire_time = ? WHERE name = ?")) {
            update.setString(1, state);
            setInstant(update, 2, nextFireTime);
            update.setString(3, name);
            return update.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("change schedule " + name, e);
        }
    }

    /** Records a fire: the job it submitted and when it fires next. */
    public void fired(String name, String jobId, Instant fireTime, Optional<Instant> nextFireTime, String state)
    {
        try (Connection connection = store.connection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE sluice_schedules SET last_job_id = ?, last_fire_time = ?, next_fire_time = ?, state = ? WHERE name = ?")) {
            update.setString(1, jobId);
            update.setTimestamp(2, Timestamp.from(fireTime));
            setInstant(update, 3, nextFireTime);
            update.setString(4, state);
            update.setString(5, name);
            update.executeUpdate();
        }
        catch (SQLException e) {
            throw StoreRows.failure("record a fire of schedule " + name, e);
        }
    }

    public boolean delete(String name)
    {
        try (Connection connection = store.connection(); PreparedStatement delete = connection.prepareStatement("DELETE FROM sluice_schedules WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("drop schedule " + name, e);
        }
    }

    private List<ScheduleRecord> select(String where, String name)
    {
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM sluice_schedules" + where)) {
            if (name != null) {
                select.setString(1, name);
            }
            List<ScheduleRecord> schedules = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    schedules.add(new ScheduleRecord(rows.getString("name"), rows.getString("cron"), rows.getString("time_zone"), instant(rows, "starts_at"),
                            instant(rows, "ends_at"), rows.getString("state"), rows.getString("job"), StoreRows.properties(rows.getString("settings")), rows.getString("user_name"),
                            rows.getTimestamp("created_at").toInstant(), instant(rows, "next_fire_time"), text(rows, "last_job_id"), instant(rows, "last_fire_time")));
                }
            }
            return schedules;
        }
        catch (SQLException e) {
            throw StoreRows.failure("read the schedules", e);
        }
    }
}
