package io.sluice.engine.spark;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.connect.client.RetriesExceeded;

import java.util.Map;

import static java.util.Map.entry;

/**
 * Spark's errors as Sluice errors: Spark's SQLSTATE picks the code (Spark 4 gives one to nearly every error), its
 * message (which starts with the error class) is kept. A failing connection is Spark being unreachable.
 */
final class SparkErrors
{
    private static final Map<String, ErrorCode> BY_SQL_STATE = Map.ofEntries(
            entry("42601", ErrorCode.SYNTAX_ERROR),
            entry("42P01", ErrorCode.TABLE_NOT_FOUND),
            entry("42703", ErrorCode.COLUMN_NOT_FOUND),
            entry("42704", ErrorCode.DATABASE_NOT_FOUND),
            entry("3F000", ErrorCode.DATABASE_NOT_FOUND),
            entry("42P06", ErrorCode.ALREADY_EXISTS),
            entry("42P07", ErrorCode.ALREADY_EXISTS),
            entry("22012", ErrorCode.DIVISION_BY_ZERO),
            entry("22018", ErrorCode.INVALID_CAST),
            entry("22003", ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE),
            entry("0A000", ErrorCode.NOT_SUPPORTED),
            entry("HY008", ErrorCode.QUERY_CANCELED));

    private SparkErrors() {}

    static SluiceException translate(Throwable throwable, String remote)
    {
        if (throwable instanceof VirtualMachineError error && !(throwable instanceof StackOverflowError)) {
            throw error;
        }
        if (throwable instanceof SluiceException sluice) {
            return sluice;
        }
        if (throwable instanceof SparkThrowable spark && spark.getSqlState() != null) {
            String state = spark.getSqlState();
            ErrorCode code = BY_SQL_STATE.get(state);
            if (code == null) {
                code = state.startsWith("42") ? ErrorCode.ANALYSIS_ERROR
                        : state.startsWith("22") ? ErrorCode.INVALID_ARGUMENT
                        : spark.isInternalError() ? ErrorCode.ENGINE_ERROR
                        : ErrorCode.GENERIC_USER_ERROR;
            }
            return new SluiceException(code, "Spark: " + firstLine(throwable.getMessage()), throwable);
        }
        String message = String.valueOf(throwable.getMessage());
        if (throwable instanceof RetriesExceeded) {
            // The client retried its call until its policy gave up: Spark did not answer.
            Throwable cause = throwable.getSuppressed().length > 0 ? throwable.getSuppressed()[0] : throwable.getCause();
            return new SluiceException(ErrorCode.ENGINE_CONNECTION_LOST, "Spark Connect at " + remote + " is not reachable: "
                    + (cause == null ? "the client's retries are exhausted" : firstLine(cause.getMessage())), throwable);
        }
        if (message.contains("UNAVAILABLE") || message.contains("Connection refused")) {
            return new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Spark Connect at " + remote + " is not reachable: " + firstLine(message), throwable);
        }
        if (message.contains("OPERATION_CANCELED") || message.contains("CANCELLED")) {
            return new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled", throwable);
        }
        return new SluiceException(ErrorCode.ENGINE_ERROR, "Spark: " + firstLine(message), throwable);
    }

    private static String firstLine(String message)
    {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        message = message.strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
