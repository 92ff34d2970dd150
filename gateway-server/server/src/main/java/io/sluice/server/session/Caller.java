package io.sluice.server.session;

import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who makes a call: the authenticated user, its groups (from the directory or token), the roles a scoped token limits
 * it to, the client's address and, over the binary transport, the connection. Sessions opened over a binary connection belong to that connection; sessions
 * opened over HTTP belong to their user.
 */
public record Caller(String user, Optional<Long> connectionId, String address, Set<String> groups, Optional<Set<String>> roleScope)
{
    public Caller
    {
        requireNonNull(user, "user is null");
        requireNonNull(connectionId, "connectionId is null");
        requireNonNull(address, "address is null");
        groups = Set.copyOf(requireNonNull(groups, "groups is null"));
        roleScope = requireNonNull(roleScope, "roleScope is null").map(Set::copyOf);
    }

    public Caller(String user, Optional<Long> connectionId)
    {
        this(user, connectionId, "", Set.of(), Optional.empty());
    }

    public static Caller http(String user)
    {
        return new Caller(user, Optional.empty());
    }

    public static Caller http(String user, String address, Set<String> groups, Optional<Set<String>> roleScope)
    {
        return new Caller(user, Optional.empty(), address, groups, roleScope);
    }

    public static Caller connection(String user, long connectionId)
    {
        return new Caller(user, Optional.of(connectionId));
    }

    public static Caller connection(String user, long connectionId, String address, Set<String> groups, Optional<Set<String>> roleScope)
    {
        return new Caller(user, Optional.of(connectionId), address, groups, roleScope);
    }

    /** The same caller under another user name (NOSASL names its user in OpenSession). */
    public Caller withUser(String name)
    {
        return new Caller(name, connectionId, address, groups, roleScope);
    }
}
