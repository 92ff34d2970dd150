package io.sluice.server.thrift;

import io.sluice.server.session.Caller;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

/** The caller of the Thrift call being served on this thread, set by the transport that received it. */
public final class CallContext
{
    private static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();

    private CallContext() {}

    static void set(Caller caller)
    {
        CALLER.set(caller);
    }

    static void clear()
    {
        CALLER.remove();
    }

    static Caller caller()
    {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "No caller for this Thrift call");
        }
        return caller;
    }
}
