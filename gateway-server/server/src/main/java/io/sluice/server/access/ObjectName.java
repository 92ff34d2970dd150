package io.sluice.server.access;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A catalog, database or table as grants name it: lower case, {@code catalog.database[.table]}. Sluice's databases are
 * named as sessions name them ({@code default}, {@code sales}, {@code lakehouse.sales}, {@code tpch.tiny}): a
 * database of one part lives in the session catalog, {@value #SESSION_CATALOG} (Spark's name for it); a longer one's
 * first part is its catalog.
 */
public record ObjectName(String catalog, Optional<String> database, Optional<String> table)
{
    public static final String SESSION_CATALOG = "spark_catalog";

    public ObjectName
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
    }

    public static ObjectName catalog(String name)
    {
        return new ObjectName(name.toLowerCase(Locale.ROOT), Optional.empty(), Optional.empty());
    }

    /** A database as Sluice names it ({@code sales}, {@code lakehouse.sales}). */
    public static ObjectName database(String database)
    {
        String lower = database.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        return dot < 0
                ? new ObjectName(SESSION_CATALOG, Optional.of(lower), Optional.empty())
                : new ObjectName(lower.substring(0, dot), Optional.of(lower.substring(dot + 1)), Optional.empty());
    }

    public static ObjectName table(String database, String table)
    {
        ObjectName parent = database(database);
        return new ObjectName(parent.catalog(), parent.database(), Optional.of(table.toLowerCase(Locale.ROOT)));
    }

    /** A table as a statement writes it ({@code t}, {@code d.t}, {@code c.d.t}), in the session's current database. */
    public static ObjectName table(List<String> names, String currentDatabase)
    {
        String database = names.size() == 1 ? currentDatabase : String.join(".", names.subList(0, names.size() - 1));
        return table(database, names.get(names.size() - 1));
    }

    /** A database as GRANT writes it ({@code d}, {@code c.d}). */
    public static ObjectName database(List<String> names)
    {
        return database(String.join(".", names));
    }

    public Optional<ObjectName> parent()
    {
        if (table.isPresent()) {
            return Optional.of(new ObjectName(catalog, database, Optional.empty()));
        }
        if (database.isPresent()) {
            return Optional.of(catalog(catalog));
        }
        return Optional.empty();
    }

    /** {@code CATALOG}, {@code DATABASE} or {@code TABLE}. */
    public String type()
    {
        return table.isPresent() ? "TABLE" : database.isPresent() ? "DATABASE" : "CATALOG";
    }

    /** The dotted name: {@code c}, {@code c.d}, {@code c.d.t}. */
    public String dotted()
    {
        return catalog + database.map(name -> "." + name).orElse("") + table.map(name -> "." + name).orElse("");
    }

    @Override
    public String toString()
    {
        return type().toLowerCase(Locale.ROOT) + " " + dotted();
    }
}
