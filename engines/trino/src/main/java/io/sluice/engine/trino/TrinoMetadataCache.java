package io.sluice.engine.trino;

import io.sluice.spi.metadata.ColumnInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * One session's recent answers about Trino's schemas and tables, so that validating a statement does not cost a
 * round of metadata queries on Trino each time. Entries live for {@code engine.trino.metadata-cache-ttl}; DDL and DML
 * through the session clear them, so the session sees its own changes at once (other clients' within the TTL).
 * Per session, since what a user may see is Trino's to decide.
 */
final class TrinoMetadataCache
{
    private record Entry<T>(T value, long expiresAt) {}

    private final long ttlNanos;
    private Entry<Set<TrinoMetadata.Location>> schemas;
    private final Map<List<String>, Entry<List<ColumnInfo>>> columns = new HashMap<>();

    TrinoMetadataCache(Duration ttl)
    {
        this.ttlNanos = requireNonNull(ttl, "ttl is null").toNanos();
    }

    synchronized Set<TrinoMetadata.Location> schemas(Supplier<Set<TrinoMetadata.Location>> load)
    {
        if (schemas == null || expired(schemas)) {
            schemas = new Entry<>(Set.copyOf(load.get()), System.nanoTime() + ttlNanos);
        }
        return schemas.value();
    }

    synchronized List<ColumnInfo> columns(TrinoMetadata.Location location, String table, Supplier<List<ColumnInfo>> load)
    {
        List<String> key = List.of(location.catalog(), location.schema(), table);
        Entry<List<ColumnInfo>> entry = columns.get(key);
        if (entry == null || expired(entry)) {
            entry = new Entry<>(List.copyOf(load.get()), System.nanoTime() + ttlNanos);
            columns.put(key, entry);
        }
        return entry.value();
    }

    synchronized void invalidate()
    {
        schemas = null;
        columns.clear();
    }

    private boolean expired(Entry<?> entry)
    {
        return ttlNanos == 0 || System.nanoTime() - entry.expiresAt() >= 0;
    }
}
