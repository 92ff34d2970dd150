package io.sluice.server.thrift;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.hive.service.rpc.thrift.TStatus;
import org.apache.hive.service.rpc.thrift.TStatusCode;

import java.util.List;

/** The one mapping of Sluice errors to HS2 {@link TStatus}: SQLSTATE, error code and message. */
public final class ThriftStatuses
{
    private static final TStatus SUCCESS = new TStatus(TStatusCode.SUCCESS_STATUS);

    private ThriftStatuses() {}

    public static TStatus success()
    {
        return SUCCESS.deepCopy();
    }

    public static TStatus error(SluiceException exception)
    {
        ErrorCode code = exception.errorCode();
        TStatus status = new TStatus(code == ErrorCode.INVALID_SESSION_HANDLE || code == ErrorCode.INVALID_OPERATION_HANDLE
                ? TStatusCode.INVALID_HANDLE_STATUS
                : TStatusCode.ERROR_STATUS);
        status.setSqlState(code.sqlState());
        status.setErrorCode(code.code());
        status.setErrorMessage(exception.getMessage());
        // Hive clients rebuild the server's exception from "*class:message:frames:lastFrame" (the last two numbers,
        // found from the end, so the message may hold colons); no frames are sent.
        status.setInfoMessages(List.of("*" + SluiceException.class.getName() + ":" + code.name() + ": " + exception.getMessage() + ":0:-1"));
        return status;
    }
}
