package io.sluice.server.session;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Locale;

/**
 * How a session's query results travel: {@code thrift} (HS2's rows and columns, the default) or {@code arrow}
 * (Kyuubi's Arrow batches), chosen with {@code kyuubi.operation.result.format} as Kyuubi's clients set it: in the
 * connection's configuration, a statement's, or with {@code SET}.
 */
public enum ResultFormat
{
    THRIFT, ARROW;

    public static final String SETTING = "kyuubi.operation.result.format";

    /** The format a setting names; anything else fails naming the setting and what it takes. */
    public static ResultFormat parse(String value)
    {
        String format = value.strip().toUpperCase(Locale.ROOT);
        try {
            return valueOf(format);
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_SESSION_PROPERTY, "Unknown result format '" + value + "' for " + SETTING + ": expected thrift or arrow");
        }
    }

    /** The session's format. */
    public static ResultFormat of(Session session)
    {
        return session.setting(SETTING).map(ResultFormat::parse).orElse(THRIFT);
    }
}
