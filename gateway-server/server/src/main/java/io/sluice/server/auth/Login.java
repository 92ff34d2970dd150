package io.sluice.server.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who logged in: the user every engine, history row, job and audit event names, and the groups the directory or the
 * token named (for {@code GRANT ROLE ... TO GROUP}); {@code provider} says which provider accepted it, and
 * {@code expires} when the credentials stop being good (a JWT's {@code exp}, a token's expiry), so that no cache keeps
 * them longer; {@code roleScope} the only roles a scoped API token's logins may use.
 */
public record Login(String user, Set<String> groups, String provider, Optional<Instant> expires, Optional<Set<String>> roleScope)
{
    public Login
    {
        requireNonNull(user, "user is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(provider, "provider is null");
        requireNonNull(expires, "expires is null");
        roleScope = requireNonNull(roleScope, "roleScope is null").map(Set::copyOf);
    }

    public Login(String user, Set<String> groups, String provider)
    {
        this(user, groups, provider, Optional.empty(), Optional.empty());
    }

    public static Login of(String user, String provider)
    {
        return new Login(user, Set.of(), provider);
    }
}
