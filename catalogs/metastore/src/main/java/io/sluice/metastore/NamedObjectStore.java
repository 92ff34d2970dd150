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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Collections.unmodifiableMap;
import static java.util.Objects.requireNonNull;

/** Clusters, storages and interactive groups: named objects of a type (or engine) with properties, in the metadata store. */
public final class NamedObjectStore
{
    /** The kinds of named objects and their tables. */
    public enum Kind
    {
        CLUSTER("sluice_clusters", "cluster_type", false),
        STORAGE("sluice_storages", "storage_type", true),
        GROUP("sluice_groups", "engine", false);

        private final String table;
        private final String typeColumn;
        private final boolean secrets;

        Kind(String table, String typeColumn, boolean secrets)
        {
            this.table = table;
            this.typeColumn = typeColumn;
            this.secrets = secrets;
        }

        /** The kind's name in messages: {@code cluster}, {@code storage}, {@code group}. */
        public String label()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One object.
     *
     * @param type a cluster's or storage's type, a group's engine
     * @param secrets a storage's secret properties as the server sealed them (never clear text); empty for the others
     */
    public record NamedObject(String name, String type, Map<String, String> properties, String secrets, String user, Instant created)
    {
        public NamedObject
        {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
            properties = unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
            requireNonNull(secrets, "secrets is null");
            requireNonNull(user, "user is null");
            requireNonNull(created, "created is null");
        }
    }

    private final Metastore store;
    private final Kind kind;

    public NamedObjectStore(Metastore store, Kind kind)
    {
        this.store = requireNonNull(store, "store is null");
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** Adds the object; fails with {@link ErrorCode#ALREADY_EXISTS} naming it when one of that name exists. */
    public void insert(NamedObject object)
    {
        String columns = "name, " + kind.typeColumn + ", properties, " + (kind.secrets ? "secrets, " : "") + "user_name, created_at";
        String marks = kind.secrets ? "?, ?, ?, ?, ?, ?" : "?, ?, ?, ?, ?";
        try (Connection connection = store.connection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + kind.table + " (" + columns + ") VALUES (" + marks + ")")) {
            int index = 1;
            insert.setString(index++, object.name());
            insert.setString(index++, object.type());
            insert.setString(index++, StoreRows.json(object.properties()));
            if (kind.secrets) {
                insert.setString(index++, object.secrets());
            }
            insert.setString(index++, object.user());
            insert.setTimestamp(index, Timestamp.from(object.created()));
            insert.executeUpdate();
        }
        catch (SQLException e) {
            if (StoreRows.isDuplicateKey(e)) {
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, format("The %s %s already exists", object.name()));
            }
            throw StoreRows.failure("add " + kind.label() + " " + object.name(), e);
        }
    }

    /** Replaces the object's properties (and secrets); false when there is no such object. */
    public boolean update(String name, Map<String, String> properties, String secrets)
    {
        String sql = "UPDATE " + kind.table + " SET properties = ?" + (kind.secrets ? ", secrets = ?" : "") + " WHERE name = ?";
        try (Connection connection = store.connection(); PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            update.setString(index++, StoreRows.json(properties));
            if (kind.secrets) {
                update.setString(index++, secrets);
            }
            update.setString(index, name);
            return update.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("change " + kind.label() + " " + name, e);
        }
    }

    /** Deletes the object; false when there was none. */
    public boolean delete(String name)
    {
        try (Connection connection = store.connection(); PreparedStatement delete = connection.prepareStatement("DELETE FROM " + kind.table + " WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() == 1;
        }
        catch (SQLException e) {
            throw StoreRows.failure("drop " + kind.label() + " " + name, e);
        }
    }

    public Optional<NamedObject> get(String name)
    {
        List<NamedObject> found = select(" WHERE name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every object, by name. */
    public List<NamedObject> list()
    {
        return select(" ORDER BY name", null);
    }

    private List<NamedObject> select(String where, String name)
    {
        String columns = "name, " + kind.typeColumn + ", properties, " + (kind.secrets ? "secrets, " : "") + "user_name, created_at";
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement("SELECT " + columns + " FROM " + kind.table + where)) {
            if (name != null) {
                select.setString(1, name);
            }
            List<NamedObject> objects = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    objects.add(new NamedObject(rows.getString("name"), rows.getString(kind.typeColumn), StoreRows.properties(rows.getString("properties")),
                            kind.secrets ? rows.getString("secrets") : "", rows.getString("user_name"), rows.getTimestamp("created_at").toInstant()));
                }
            }
            return objects;
        }
        catch (SQLException e) {
            throw StoreRows.failure("read the " + kind.label() + "s", e);
        }
    }

    private String format(String template, String name)
    {
        return String.format(Locale.ROOT, template, kind.label(), name);
    }
}
