package io.sluice.metastore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the stores share: optional columns, instants, JSON property maps, and the one check for a duplicate key. */
final class StoreRows
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> PROPERTIES = new TypeReference<>() {};
    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private StoreRows() {}

    static void setText(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        }
        else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
            throws SQLException
    {
        if (value.isPresent()) {
            statement.setTimestamp(index, Timestamp.from(value.get()));
        }
        else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Optional<Instant> instant(ResultSet rows, String column)
            throws SQLException
    {
        return Optional.ofNullable(rows.getTimestamp(column)).map(Timestamp::toInstant);
    }

    static Optional<String> text(ResultSet rows, String column)
            throws SQLException
    {
        return Optional.ofNullable(rows.getString(column));
    }

    static String json(Object value)
    {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    static <T> T fromJson(String text, TypeReference<T> type)
    {
        try {
            return JSON.readValue(text, type);
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The metadata store holds JSON that does not read: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, String> properties(String text)
    {
        return fromJson(text, PROPERTIES);
    }

    /** Whether the failure is a unique or primary key violation (SQLSTATE 23505 on PostgreSQL and H2). */
    static boolean isDuplicateKey(SQLException e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (SQLException next = cause instanceof SQLException sql ? sql : null; next != null; next = next.getNextException()) {
                if ("23505".equals(next.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    static SluiceException failure(String what, SQLException e)
    {
        return new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot " + what + " in the metadata store: " + e.getMessage(), e);
    }
}
