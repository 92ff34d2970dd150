package io.sluice.server.auth;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who logged in: the user every engine, history row, job and audit event names, and the groups the directory or the
 * token named (for {@code GRANT ROLE ... TO GROUP}); {@code provider} says which provider accepted it.
 */
public record Login(String user, Set<String> groups, String provider)
{
    public Login
    {
        requireNonNull(user, "user is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(provider, "provider is null");
    }

    public static Login of(String user, String provider)
    {
        return new Login(user, Set.of(), provider);
    }
}
