package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Maps DuckDB's errors to Sluice error codes. DuckDB names the kind of error at the start of its message
 * ({@code Catalog Error: Table with name t does not exist!}); the message is kept as DuckDB wrote it.
 */
final class DuckDbErrors
{
    private DuckDbErrors() {}

    static SluiceException toSluiceException(SQLException exception)
    {
        String message = exception.getMessage() == null ? "DuckDB failed without a message" : exception.getMessage().strip();
        return new SluiceException(errorCode(message), message, exception);
    }

    static ErrorCode errorCode(String message)
    {
        int colon = message.indexOf(':');
        String kind = colon < 0 ? "" : message.substring(0, colon).toLowerCase(Locale.ROOT);
        String detail = message.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "parser error" -> ErrorCode.SYNTAX_ERROR;
            case "catalog error" -> {
                if (detail.contains("schema with name") && detail.contains("does not exist")) {
                    yield ErrorCode.DATABASE_NOT_FOUND;
                }
                if ((detail.contains("table with name") || detail.contains("view with name")) && detail.contains("does not exist")) {
                    yield ErrorCode.TABLE_NOT_FOUND;
                }
                if (detail.contains("already exists")) {
                    yield ErrorCode.ALREADY_EXISTS;
                }
                yield ErrorCode.ANALYSIS_ERROR;
            }
            case "binder error" -> detail.contains("referenced column") && detail.contains("not found") ? ErrorCode.COLUMN_NOT_FOUND : ErrorCode.ANALYSIS_ERROR;
            case "conversion error" -> ErrorCode.INVALID_CAST;
            case "out of range error" -> ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE;
            case "invalid input error" -> ErrorCode.INVALID_ARGUMENT;
            case "constraint error" -> ErrorCode.CONSTRAINT_VIOLATION;
            case "not implemented error" -> ErrorCode.NOT_SUPPORTED;
            case "interrupt error" -> ErrorCode.QUERY_CANCELED;
            case "out of memory error" -> ErrorCode.ENGINE_OUT_OF_MEMORY;
            case "transaction error", "transactioncontext error" -> ErrorCode.TRANSACTION_ERROR;
            case "permission error", "dependency error" -> ErrorCode.GENERIC_USER_ERROR;
            default -> ErrorCode.ENGINE_ERROR;
        };
    }
}
