package io.sluice.router.cost;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who asks, and what they pinned.
 *
 * @param user the session's user
 * @param groups the user's groups
 * @param pinned the engine the session ({@code sluice.engine}) or the statement's hint pins, if any
 * @param pinSource how it was pinned, in words ({@code sluice.engine=trino}, {@code hint /*+ ENGINE(trino) *}{@code /})
 */
public record RouteRequest(String user, Set<String> groups, Optional<String> pinned, String pinSource)
{
    public RouteRequest
    {
        requireNonNull(user, "user is null");
        groups = Set.copyOf(groups);
        requireNonNull(pinned, "pinned is null");
        requireNonNull(pinSource, "pinSource is null");
    }

    public static RouteRequest auto(String user)
    {
        return new RouteRequest(user, Set.of(), Optional.empty(), "sluice.engine=auto");
    }
}
