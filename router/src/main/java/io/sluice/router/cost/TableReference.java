package io.sluice.router.cost;

import java.util.OptionalDouble;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A table a statement reads or writes, resolved in Sluice's catalogs.
 *
 * @param name the table's name as resolved ({@code lakehouse.sales.orders}, {@code tpch.tiny.nation}, {@code default.t})
 * @param catalog the catalog it lives in: {@code lakehouse}, or one of an engine's own catalogs
 * @param lakehouse whether the catalog is the lakehouse every engine may share
 * @param reachableBy the engines that can read it
 * @param target whether the statement writes it (the target of INSERT, CREATE, DROP, DELETE, ...)
 * @param rows the rows a scan of it reads, after pruning, where known
 * @param bytes the bytes a scan of it reads, after pruning, where known
 */
public record TableReference(String name, String catalog, boolean lakehouse, Set<String> reachableBy, boolean target, OptionalDouble rows, OptionalDouble bytes)
{
    public TableReference
    {
        requireNonNull(name, "name is null");
        requireNonNull(catalog, "catalog is null");
        reachableBy = Set.copyOf(requireNonNull(reachableBy, "reachableBy is null"));
        requireNonNull(rows, "rows is null");
        requireNonNull(bytes, "bytes is null");
    }

    /** The database part of the name: everything before the table's own name. */
    public String database()
    {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }
}
