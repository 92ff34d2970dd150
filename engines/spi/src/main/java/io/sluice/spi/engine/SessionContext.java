package io.sluice.spi.engine;

import static java.util.Objects.requireNonNull;

/**
 * Who opens an engine session and where it starts.
 *
 * @param user the authenticated Sluice user
 * @param database the current database, as users name it ({@code default} always exists)
 */
public record SessionContext(String user, String database)
{
    public SessionContext
    {
        requireNonNull(user, "user is null");
        requireNonNull(database, "database is null");
    }
}
