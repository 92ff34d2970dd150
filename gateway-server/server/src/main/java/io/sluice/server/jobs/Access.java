package io.sluice.server.jobs;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Who asks, and whether they administer Sluice ({@code auth.admin-users}): a user sees and changes their own jobs,
 * schedules, clusters, storages and groups; an administrator all of them.
 */
public record Access(String user, boolean admin)
{
    public static final String ADMIN_USERS = "auth.admin-users";

    public Access
    {
        requireNonNull(user, "user is null");
    }

    public static Access of(String user, Set<String> adminUsers)
    {
        return new Access(user, adminUsers.contains(user));
    }

    public boolean canSee(String owner)
    {
        return admin || user.equals(owner);
    }

    /** Fails unless the caller is an administrator; {@code what} names the operation. */
    public void checkAdmin(String what)
    {
        if (!admin) {
            throw new SluiceException(ErrorCode.PERMISSION_DENIED, "Access denied: " + what + " is for administrators (" + ADMIN_USERS + ")");
        }
    }

    /** Fails unless the caller owns the object or is an administrator; the message names the object, never the owner. */
    public void checkOwner(String object, String owner)
    {
        if (!canSee(owner)) {
            throw new SluiceException(ErrorCode.PERMISSION_DENIED, "Not allowed: " + object + " belongs to another user (" + ADMIN_USERS + " may change it)");
        }
    }
}
