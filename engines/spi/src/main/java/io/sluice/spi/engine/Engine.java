package io.sluice.spi.engine;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The engine's id of a job that a statement started and that runs on without it (Flink answers a streaming INSERT
     * with the job's id), read from the statement's result: its columns and first row. Empty for engines whose
     * statements end with their work.
     */
    default Optional<String> detachedJob(List<Column> columns, Object[] firstRow)
    {
        return Optional.empty();
    }

    /**
     * The state of a detached job: {@code RUNNING} (or starting), {@code FINISHED}, {@code FAILED} or {@code CANCELED};
     * empty when the engine no longer knows it.
     */
    default Optional<String> detachedJobState(String jobId)
    {
        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "The engine " + name() + " runs no detached jobs");
    }

    /** Stops a detached job. */
    default void stopDetachedJob(String jobId)
    {
        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "The engine " + name() + " runs no detached jobs");
    }

    /**
     * What the engine declares of its capacity and costs, as defaults for the router's profile of it: keys and values as
     * {@code router.profile.<engine>.<key>} takes them ({@code fixed-latency=100ms}, {@code scan-throughput-per-core=150MB},
     * {@code writes-lakehouse=true}, ...; docs/router.md). What configuration says wins; keys not declared take the
     * router's generic defaults.
     */
    default Map<String, String> routerProfile()
    {
        return Map.of();
    }

    /** A quick probe of the engine; never throws. */
    EngineHealth health();

    /** Releases the engine's resources; sessions still open are closed. */
    @Override
    void close();
}
