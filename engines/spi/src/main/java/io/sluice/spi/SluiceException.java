package io.sluice.spi;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type that crosses module boundaries. Its message is shown to users as is, so it names the
 * object at fault (table, column, engine, setting, handle) and never contains secrets.
 */
public class SluiceException
        extends RuntimeException
{
    private final ErrorCode errorCode;

    public SluiceException(ErrorCode errorCode, String message)
    {
        this(errorCode, message, null);
    }

    public SluiceException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }

    /** Wraps anything thrown into a {@code SluiceException}, keeping one that already is. */
    public static SluiceException wrap(Throwable throwable)
    {
        if (throwable instanceof SluiceException sluiceException) {
            return sluiceException;
        }
        String message = throwable.getMessage() == null ? throwable.getClass().getName() : throwable.getMessage();
        return new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Internal error: " + message, throwable);
    }
}
