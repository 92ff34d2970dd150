package io.sluice.spi;

import static io.sluice.spi.ErrorType.EXTERNAL;
import static io.sluice.spi.ErrorType.INSUFFICIENT_RESOURCES;
import static io.sluice.spi.ErrorType.INTERNAL_ERROR;
import static io.sluice.spi.ErrorType.USER_ERROR;
import static java.util.Objects.requireNonNull;

/**
 * Stable error codes. Numbers are part of the wire contract (HS2 {@code TStatus.errorCode}, REST problem
 * {@code code}): never renumber or reuse one; add new codes at the end of their range.
 * Ranges follow Trino: user errors from 0, internal from 0x1_0000, insufficient resources from 0x2_0000,
 * external from 0x100_0000.
 */
public enum ErrorCode
{
    GENERIC_USER_ERROR(0x0000_0000, USER_ERROR, "42000"),
    SYNTAX_ERROR(0x0000_0001, USER_ERROR, "42601"),
    NOT_SUPPORTED(0x0000_0002, USER_ERROR, "0A000"),
    DATABASE_NOT_FOUND(0x0000_0003, USER_ERROR, "3F000"),
    TABLE_NOT_FOUND(0x0000_0004, USER_ERROR, "42P01"),
    COLUMN_NOT_FOUND(0x0000_0005, USER_ERROR, "42703"),
    ALREADY_EXISTS(0x0000_0006, USER_ERROR, "42P07"),
    ANALYSIS_ERROR(0x0000_0007, USER_ERROR, "42000"),
    INVALID_SESSION_PROPERTY(0x0000_0008, USER_ERROR, "42000"),
    INVALID_ARGUMENT(0x0000_0009, USER_ERROR, "22023"),
    DIVISION_BY_ZERO(0x0000_000A, USER_ERROR, "22012"),
    INVALID_CAST(0x0000_000B, USER_ERROR, "22018"),
    NUMERIC_VALUE_OUT_OF_RANGE(0x0000_000C, USER_ERROR, "22003"),
    CONSTRAINT_VIOLATION(0x0000_000D, USER_ERROR, "23000"),
    INVALID_SESSION_HANDLE(0x0000_000E, USER_ERROR, "08003"),
    INVALID_OPERATION_HANDLE(0x0000_000F, USER_ERROR, "24000"),
    INVALID_OPERATION_STATE(0x0000_0010, USER_ERROR, "24000"),
    QUERY_CANCELED(0x0000_0011, USER_ERROR, "57014"),
    QUERY_TIMEOUT(0x0000_0012, USER_ERROR, "57014"),
    AUTHENTICATION_FAILED(0x0000_0013, USER_ERROR, "28000"),
    ENGINE_NOT_FOUND(0x0000_0014, USER_ERROR, "42000"),
    INVALID_REQUEST(0x0000_0015, USER_ERROR, "08P01"),
    TRANSACTION_ERROR(0x0000_0016, USER_ERROR, "25000"),
    PERMISSION_DENIED(0x0000_0017, USER_ERROR, "42501"),
    /** A job, schedule, cluster, storage or group that does not exist (or that the caller may not see). */
    OBJECT_NOT_FOUND(0x0000_0018, USER_ERROR, "42704"),

    GENERIC_INTERNAL_ERROR(0x0001_0000, INTERNAL_ERROR, "HY000"),

    TOO_MANY_SESSIONS(0x0002_0000, INSUFFICIENT_RESOURCES, "53300"),
    SERVER_BUSY(0x0002_0001, INSUFFICIENT_RESOURCES, "53000"),
    EXCEEDED_RESULT_ROWS(0x0002_0002, INSUFFICIENT_RESOURCES, "54000"),
    MESSAGE_TOO_LARGE(0x0002_0003, INSUFFICIENT_RESOURCES, "54000"),
    ENGINE_OUT_OF_MEMORY(0x0002_0004, INSUFFICIENT_RESOURCES, "53200"),

    ENGINE_UNAVAILABLE(0x0100_0000, EXTERNAL, "08001"),
    ENGINE_ERROR(0x0100_0001, EXTERNAL, "HY000"),
    ENGINE_CONNECTION_LOST(0x0100_0002, EXTERNAL, "08006"),
    /**/;

    private final int code;
    private final ErrorType type;
    private final String sqlState;

    ErrorCode(int code, ErrorType type, String sqlState)
    {
        this.code = code;
        this.type = requireNonNull(type, "type is null");
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
    }

    public int code()
    {
        return code;
    }

    public ErrorType type()
    {
        return type;
    }

    /** The SQLSTATE clients see; its class follows the type (42 analysis, 22 data, 08 connection, 57 cancel, HY internal). */
    public String sqlState()
    {
        return sqlState;
    }
}
