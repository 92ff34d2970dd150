package io.sluice.engine.trino;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.trino.client.QueryError;

import java.net.URI;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Trino's errors as Sluice errors: Trino's error name picks the code, its type the fallback, and its message is
 * kept with the query id, so a user can find the query in Trino's UI.
 */
final class TrinoErrors
{
    private static final Map<String, ErrorCode> BY_NAME = Map.ofEntries(
            entry("SYNTAX_ERROR", ErrorCode.SYNTAX_ERROR),
            entry("NOT_SUPPORTED", ErrorCode.NOT_SUPPORTED),
            entry("CATALOG_NOT_FOUND", ErrorCode.DATABASE_NOT_FOUND),
            entry("SCHEMA_NOT_FOUND", ErrorCode.DATABASE_NOT_FOUND),
            entry("MISSING_CATALOG_NAME", ErrorCode.DATABASE_NOT_FOUND),
            entry("MISSING_SCHEMA_NAME", ErrorCode.DATABASE_NOT_FOUND),
            entry("TABLE_NOT_FOUND", ErrorCode.TABLE_NOT_FOUND),
            entry("COLUMN_NOT_FOUND", ErrorCode.COLUMN_NOT_FOUND),
            entry("MISSING_COLUMN_NAME", ErrorCode.COLUMN_NOT_FOUND),
            entry("TABLE_ALREADY_EXISTS", ErrorCode.ALREADY_EXISTS),
            entry("SCHEMA_ALREADY_EXISTS", ErrorCode.ALREADY_EXISTS),
            entry("COLUMN_ALREADY_EXISTS", ErrorCode.ALREADY_EXISTS),
            entry("DIVISION_BY_ZERO", ErrorCode.DIVISION_BY_ZERO),
            entry("INVALID_CAST_ARGUMENT", ErrorCode.INVALID_CAST),
            entry("TYPE_MISMATCH", ErrorCode.ANALYSIS_ERROR),
            entry("FUNCTION_NOT_FOUND", ErrorCode.ANALYSIS_ERROR),
            entry("INVALID_FUNCTION_ARGUMENT", ErrorCode.INVALID_ARGUMENT),
            entry("NUMERIC_VALUE_OUT_OF_RANGE", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE),
            entry("INVALID_SESSION_PROPERTY", ErrorCode.INVALID_SESSION_PROPERTY),
            entry("CONSTRAINT_VIOLATION", ErrorCode.CONSTRAINT_VIOLATION),
            entry("USER_CANCELED", ErrorCode.QUERY_CANCELED),
            entry("ADMINISTRATIVELY_KILLED", ErrorCode.QUERY_CANCELED),
            entry("EXCEEDED_TIME_LIMIT", ErrorCode.QUERY_TIMEOUT),
            entry("GENERIC_USER_ERROR", ErrorCode.GENERIC_USER_ERROR),
            entry("PERMISSION_DENIED", ErrorCode.GENERIC_USER_ERROR));

    private TrinoErrors() {}

    static SluiceException fromQueryError(String queryId, QueryError error)
    {
        ErrorCode code = errorCode(error.getErrorName(), error.getErrorType());
        return new SluiceException(code, "Trino query " + queryId + " failed: " + error.getMessage() + " (" + error.getErrorName() + ")");
    }

    static ErrorCode errorCode(String name, String type)
    {
        ErrorCode code = BY_NAME.get(name);
        if (code != null) {
            return code;
        }
        if (name != null && name.startsWith("EXCEEDED_") && name.contains("MEMORY")) {
            return ErrorCode.ENGINE_OUT_OF_MEMORY;
        }
        return switch (String.valueOf(type)) {
            case "USER_ERROR" -> ErrorCode.ANALYSIS_ERROR;
            case "INSUFFICIENT_RESOURCES" -> ErrorCode.ENGINE_OUT_OF_MEMORY;
            default -> ErrorCode.ENGINE_ERROR;
        };
    }

    /** Trino did not answer: before the query started it is unavailable, after it the connection was lost. */
    static SluiceException unreachable(URI endpoint, boolean started, RuntimeException cause)
    {
        String reason = rootMessage(cause);
        if (started) {
            return new SluiceException(ErrorCode.ENGINE_CONNECTION_LOST, "Lost the connection to Trino at " + endpoint + " while the query ran: " + reason, cause);
        }
        return new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Trino at " + endpoint + " is not reachable: " + reason, cause);
    }

    private static String rootMessage(Throwable throwable)
    {
        Throwable root = throwable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
