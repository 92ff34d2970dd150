package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/** The query history in the metadata store: one row per executed statement, with its route, estimate and actual time. */
public final class QueryHistory
{
    /** Statements are kept up to this length; longer ones are cut (the fingerprint is of the whole statement). */
    public static final int MAX_STATEMENT_LENGTH = 65_536;

    /**
     * One executed statement.
     *
     * @param state {@code FINISHED}, {@code FAILED} or {@code CANCELED}
     */
    public record QueryRecord(String queryId, String user, String statement, String fingerprint, Optional<String> engine, Optional<String> route,
            OptionalDouble estimatedSeconds, OptionalDouble actualSeconds, String state, Optional<String> error, Optional<String> failedOverFrom,
            Instant startedAt, Optional<Instant> finishedAt)
    {
        public QueryRecord
        {
            requireNonNull(queryId, "queryId is null");
            requireNonNull(user, "user is null");
            requireNonNull(statement, "statement is null");
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(route, "route is null");
            requireNonNull(estimatedSeconds, "estimatedSeconds is null");
            requireNonNull(actualSeconds, "actualSeconds is null");
            requireNonNull(state, "state is null");
            requireNonNull(error, "error is null");
            requireNonNull(failedOverFrom, "failedOverFrom is null");
            requireNonNull(startedAt, "startedAt is null");
            requireNonNull(finishedAt, "finishedAt is null");
        }
    }

    private static final String COLUMNS = "query_id, user_name, statement, fingerprint, engine, route, estimated_seconds, actual_seconds, state, "
            + "error_message, failed_over_from, started_at, finished_at";

    private final Metastore store;

    public QueryHistory(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    public void record(QueryRecord record)
    {
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_query_history (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, record.queryId());
            insert.setString(2, cut(record.user(), 255));
            insert.setString(3, cut(record.statement(), MAX_STATEMENT_LENGTH));
            insert.setString(4, record.fingerprint());
            setText(insert, 5, record.engine(), 64);
            setText(insert, 6, record.route(), 4096);
            setNumber(insert, 7, record.estimatedSeconds());
            setNumber(insert, 8, record.actualSeconds());
            insert.setString(9, record.state());
            setText(insert, 10, record.error(), 4096);
            setText(insert, 11, record.failedOverFrom(), 64);
            insert.setTimestamp(12, Timestamp.from(record.startedAt()));
            insert.setTimestamp(13, record.finishedAt().map(Timestamp::from).orElse(null));
            insert.executeUpdate();
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot record query " + record.queryId() + " in the query history: " + e.getMessage(), e);
        }
    }

    /** The latest statements, newest first; only {@code user}'s when given. */
    public List<QueryRecord> recent(int limit, Optional<String> user)
    {
        String sql = "SELECT " + COLUMNS + " FROM sluice_query_history" + (user.isPresent() ? " WHERE user_name = ?" : "")
                + " ORDER BY started_at DESC, query_id DESC";
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(limit);
            if (user.isPresent()) {
                select.setString(1, user.get());
            }
            List<QueryRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(new QueryRecord(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            Optional.ofNullable(rows.getString(5)), Optional.ofNullable(rows.getString(6)), number(rows, 7), number(rows, 8),
                            rows.getString(9), Optional.ofNullable(rows.getString(10)), Optional.ofNullable(rows.getString(11)),
                            rows.getTimestamp(12).toInstant(), Optional.ofNullable(rows.getTimestamp(13)).map(Timestamp::toInstant)));
                }
            }
            return records;
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot read the query history: " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@code keep} statements; returns how many were deleted. */
    public int prune(int keep)
    {
        try (Connection connection = store.connection()) {
            Timestamp cutoff = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT started_at FROM sluice_query_history ORDER BY started_at DESC")) {
                select.setMaxRows(keep + 1);
                try (ResultSet rows = select.executeQuery()) {
                    int seen = 0;
                    while (rows.next()) {
                        if (++seen > keep) {
                            cutoff = rows.getTimestamp(1);
                        }
                    }
                }
            }
            if (cutoff == null) {
                return 0;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sluice_query_history WHERE started_at <= ?")) {
                delete.setTimestamp(1, cutoff);
                return delete.executeUpdate();
            }
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot prune the query history: " + e.getMessage(), e);
        }
    }

    private static String cut(String text, int length)
    {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static void setText(PreparedStatement statement, int index, Optional<String> value, int length)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setString(index, cut(value.get(), length));
        }
        else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static void setNumber(PreparedStatement statement, int index, OptionalDouble value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setDouble(index, value.getAsDouble());
        }
        else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static OptionalDouble number(ResultSet rows, int index)
            throws SQLException
    {
        double value = rows.getDouble(index);
        return rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
