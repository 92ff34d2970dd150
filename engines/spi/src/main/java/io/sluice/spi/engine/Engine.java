package io.sluice.spi.engine;

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

    /** A quick probe of the engine; never throws. */
    EngineHealth health();

    /** Releases the engine's resources; sessions still open are closed. */
    @Override
    void close();
}
