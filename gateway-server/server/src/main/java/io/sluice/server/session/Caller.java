package io.sluice.server.session;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who makes a call: the authenticated user and, over the binary transport, the connection. Sessions opened over
 * a binary connection belong to that connection; sessions opened over HTTP belong to their user.
 */
public record Caller(String user, Optional<Long> connectionId)
{
    public Caller
    {
        requireNonNull(user, "user is null");
        requireNonNull(connectionId, "connectionId is null");
    }

    public static Caller http(String user)
    {
        return new Caller(user, Optional.empty());
    }

    public static Caller connection(String user, long connectionId)
    {
        return new Caller(user, Optional.of(connectionId));
    }
}
