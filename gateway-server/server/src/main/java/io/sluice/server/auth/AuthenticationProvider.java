package io.sluice.server.auth;

import java.util.Optional;

/**
 * One way of logging in ({@code auth.providers} names them). A provider answers empty when it does not accept the
 * credentials, for whatever reason; it never says why to the client (the one answer is {@link LoginGuard#message}).
 */
public interface AuthenticationProvider
{
    /** The name in {@code auth.providers}. */
    String name();

    /** A user and password (SASL PLAIN on the binary port, Basic over HTTP). */
    default Optional<Login> password(String user, String password)
    {
        return Optional.empty();
    }

    /** A bearer token ({@code Authorization: Bearer ...} over Thrift HTTP and REST). */
    default Optional<Login> bearer(String token)
    {
        return Optional.empty();
    }
}
