package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Roles, their members and privileges, row filters and column masks, in the metadata store. Names are stored lower case by the caller. */
public final class AccessStore
{
    public record Role(String name, String createdBy, Instant created) {}

    /** {@code principalType} is USER or GROUP. */
    public record Member(String role, String principalType, String principal) {}

    /** {@code objectType} is CATALOG, DATABASE or TABLE; {@code objectName} its dotted, lower-case name. */
    public record Privilege(String role, String privilege, String objectType, String objectName) {}

    public record RowFilter(String name, String table, String role, String predicate, String createdBy, Instant created) {}

    public record ColumnMask(String name, String table, String column, String role, String expression, String createdBy, Instant created) {}

    /** Everything at once, for the server's policy. */
    public record Snapshot(List<Role> roles, List<Member> members, List<Privilege> privileges, List<RowFilter> filters, List<ColumnMask> masks)
    {
        public Snapshot
        {
            roles = List.copyOf(roles);
            members = List.copyOf(members);
            privileges = List.copyOf(privileges);
            filters = List.copyOf(filters);
            masks = List.copyOf(masks);
        }
    }

    private final Metastore store;

    public AccessStore(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    public void createRole(String name, String createdBy, Instant created)
    {
        update("create role " + name, "The role " + name + " already exists", "INSERT INTO sluice_roles (name, created_by, created_at) VALUES (?, ?, ?)",
                name, createdBy, Timestamp.from(created));
    }

    /** Drops the role with its members, privileges, filters and masks, in one transaction; false when there was none. */
    public boolean dropRole(String name)
    {
        return store.inTransaction(connection -> {
            for (String table : List.of("sluice_role_members", "sluice_privileges", "sluice_row_filters", "sluice_column_masks")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE role_name = ?")) {
                    delete.setString(1, name);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sluice_roles WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** Adds the member; false when it was one already. */
    public boolean addMember(Member member)
    {
        return insertIfAbsent("grant role " + member.role(), "INSERT INTO sluice_role_members (role_name, principal_type, principal) VALUES (?, ?, ?)",
                member.role(), member.principalType(), member.principal());
    }

    public boolean removeMember(Member member)
    {
        return delete("revoke role " + member.role(), "DELETE FROM sluice_role_members WHERE role_name = ? AND principal_type = ? AND principal = ?",
                member.role(), member.principalType(), member.principal());
    }

    public boolean grant(Privilege privilege)
    {
        return insertIfAbsent("grant " + privilege.privilege(), "INSERT INTO sluice_privileges (role_name, privilege, object_type, object_name) VALUES (?, ?, ?, ?)",
                privilege.role(), privilege.privilege(), privilege.objectType(), privilege.objectName());
    }

    public boolean revoke(Privilege privilege)
    {
        return delete("revoke " + privilege.privilege(), "DELETE FROM sluice_privileges WHERE role_name = ? AND privilege = ? AND object_type = ? AND object_name = ?",
                privilege.role(), privilege.privilege(), privilege.objectType(), privilege.objectName());
    }

    public void createFilter(RowFilter filter)
    {
        update("create row filter " + filter.name(), "The row filter " + filter.name() + " already exists",
                "INSERT INTO sluice_row_filters (name, table_name, role_name, predicate, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                filter.name(), filter.table(), filter.role(), filter.predicate(), filter.createdBy(), Timestamp.from(filter.created()));
    }

    public boolean dropFilter(String name)
    {
        return delete("drop row filter " + name, "DELETE FROM sluice_row_filters WHERE name = ?", name);
    }

    public void createMask(ColumnMask mask)
    {
        update("create column mask " + mask.name(), "The column mask " + mask.name() + " already exists",
                "INSERT INTO sluice_column_masks (name, table_name, column_name, role_name, expression, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                mask.name(), mask.table(), mask.column(), mask.role(), mask.expression(), mask.createdBy(), Timestamp.from(mask.created()));
    }

    public boolean dropMask(String name)
    {
        return delete("drop column mask " + name, "DELETE FROM sluice_column_masks WHERE name = ?", name);
    }

    public Snapshot snapshot()
    {
        try (Connection connection = store.connection()) {
            List<Role> roles = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT name, created_by, created_at FROM sluice_roles ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    roles.add(new Role(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
                }
            }
            List<Member> members = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT role_name, principal_type, principal FROM sluice_role_members ORDER BY role_name, principal_type, principal");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    members.add(new Member(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            List<Privilege> privileges = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT role_name, privilege, object_type, object_name FROM sluice_privileges ORDER BY role_name, object_type, object_name, privilege");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    privileges.add(new Privilege(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            List<RowFilter> filters = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, table_name, role_name, predicate, created_by, created_at FROM sluice_row_filters ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    filters.add(new RowFilter(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            List<ColumnMask> masks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, table_name, column_name, role_name, expression, created_by, created_at FROM sluice_column_masks ORDER BY name");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    masks.add(new ColumnMask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getTimestamp(7).toInstant()));
                }
            }
            return new Snapshot(roles, members, privileges, filters, masks);
        }
        catch (SQLException e) {
            throw StoreRows.failure("read roles and grants", e);
        }
    }

    private void update(String what, String duplicate, String sql, Object... values)
    {
        try (Connection connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            statement.executeUpdate();
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, duplicate);
            }
            throw StoreRows.failure(what, e);
        }
    }

    private boolean insertIfAbsent(String what, String sql, Object... values)
    {
        try (Connection connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            statement.executeUpdate();
            return true;
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                return false;
            }
            throw StoreRows.failure(what, e);
        }
    }

    private boolean delete(String what, String sql, Object... values)
    {
        try (Connection connection = store.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate() > 0;
        }
        catch (SQLException e) {
            throw StoreRows.failure(what, e);
        }
    }

    private static void bind(PreparedStatement statement, Object... values)
            throws SQLException
    {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Timestamp timestamp) {
                statement.setTimestamp(i + 1, timestamp);
            }
            else {
                statement.setString(i + 1, (String) values[i]);
            }
        }
    }
}
