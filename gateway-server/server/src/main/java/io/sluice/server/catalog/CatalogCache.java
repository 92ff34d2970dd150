package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.TimeTravel;
import io.sluice.spi.metadata.ColumnInfo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What validation has read of the catalogs, so that a repeated statement validates without a catalog round trip (a
 * DuckDB table's columns cost four of them). Kept per session and engine — temporary views are the session's own;
 * tables only when found (a table not found is asked again each time), databases either way (the validator asks
 * whether each table name is a database too). An entry holds while no statement that
 * changes catalogs ran through Sluice since it was read ({@link #changed()}: DDL, DML, REFRESH, USE — any
 * statement that is not a query, on any session and engine, since a lakehouse table is every engine's) and for at
 * most {@code catalog.cache-ttl} (5s; 0 turns caching off), for changes made behind Sluice's back.
 */
public final class CatalogCache
{
    public static final String TTL = "catalog.cache-ttl";
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private final AtomicLong version = new AtomicLong();
    private final long ttlNanos;

    public CatalogCache(Duration ttl)
    {
        this.ttlNanos = requireNonNull(ttl, "ttl is null").toNanos();
    }

    /** Something may have changed a catalog: every entry read before now is stale. */
    public void changed()
    {
        version.incrementAndGet();
    }

    /** {@code view} answering from {@code entries} (one session's, for one engine) where they still hold. */
    public CatalogView cached(CatalogView view, Entries entries)
    {
        requireNonNull(view, "view is null");
        requireNonNull(entries, "entries is null");
        if (ttlNanos <= 0) {
            return view;
        }
        return new CatalogView()
        {
            @Override
            public boolean databaseExists(String database)
            {
                // Kept either way: the validator asks whether each table name of a statement is a database too.
                return entries.lookup("d:" + database, () -> Optional.of(view.databaseExists(database))).orElseThrow();
            }

            @Override
            public Optional<List<ColumnInfo>> columns(String database, String table)
            {
                return entries.lookup("c:" + database + "\u0000" + table, () -> view.columns(database, table));
            }

            @Override
            public Optional<String> scan(String database, String table)
            {
                return entries.lookup("s:" + database + "\u0000" + table, () -> view.scan(database, table));
            }

            @Override
            public Optional<String> scan(String database, String table, TimeTravel asOf)
            {
                // Not kept: branches and tags move, and the snapshot current at a time depends on commits since.
                return view.scan(database, table, asOf);
            }
        };
    }

    /** One session's entries for one engine. */
    public final class Entries
    {
        private record Entry(Object value, long version, long readAt) {}

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T> Optional<T> lookup(String key, Supplier<Optional<T>> read)
        {
            long now = System.nanoTime();
            long current = version.get();
            Entry entry = entries.get(key);
            if (entry != null && entry.version() == current && now - entry.readAt() < ttlNanos) {
                return Optional.of((T) entry.value());
            }
            Optional<T> value = read.get();
            if (value.isPresent()) {
                entries.put(key, new Entry(value.get(), current, now));
            }
            else {
                entries.remove(key);
            }
            return value;
        }
    }

    /** A new, empty set of entries for one session and engine. */
    public Entries newEntries()
    {
        return new Entries();
    }
}
