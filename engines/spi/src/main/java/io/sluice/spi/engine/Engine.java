package io.sluice.spi.engine;

import java.util.List;

/**
 * A connected engine. Thread-safe: sessions are opened from many threads at once.
 */
public interface Engine
        extends AutoCloseable
{
    /** The name users pin it with, equal to its factory's name. */
    String name();

    /** The engine's own version, as it reports it. */
    String version();

    /** Where the engine is reached, e.g. {@code embedded} or {@code http://127.0.0.1:8080}. */
    String endpoint();

    /** The SQL dialect the engine reads, as {@code sluice.dialect} names it: {@code duckdb}, {@code trino}, {@code spark} or {@code flink}. */
    default String dialect()
    {
        return name();
    }

    /** The engine's schema for one of Sluice's databases; DuckDB, for one, keeps {@code default} in {@code main}. */
    default String schemaName(String database)
    {
        return database;
    }

    /** Opens a session for one Sluice session; its settings and temporary objects are its own. */
    EngineSession openSession(SessionContext context);

    /**
     * The catalogs the engine reaches, by the names three-part table names give them (Trino's {@code tpch},
     * {@code memory} and {@code lakehouse}; Spark's {@code spark_catalog} and the catalogs it is configured with).
     * Probed on the engine, so the router reads it from a cache; empty when the engine cannot tell. Never throws.
     */
    default List<String> catalogs()
    {
        return List.of();
    }

    /** A quick probe of the engine; never throws. */
    EngineHealth health();

    /** Releases the engine's resources; sessions still open are closed. */
    @Override
    void close();
}
