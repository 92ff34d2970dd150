package io.sluice.jdbc;

import java.sql.SQLException;

/** {@link java.sql.Wrapper} for the driver's objects, which wrap nothing: each is only itself. */
final class Wrappers
{
    private Wrappers() {}

    static <T> T unwrap(Object self, Class<T> iface)
            throws SQLException
    {
        if (iface != null && iface.isInstance(self)) {
            return iface.cast(self);
        }
        throw new SQLException(self.getClass().getSimpleName() + " is not a wrapper for " + (iface == null ? "null" : iface.getName()), "HY000");
    }
}
