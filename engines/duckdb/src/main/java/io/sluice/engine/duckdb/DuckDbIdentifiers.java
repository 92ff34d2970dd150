package io.sluice.engine.duckdb;

/**
 * Names as users write them and as DuckDB stores them. Sluice's {@code default} database is DuckDB's {@code main}
 * schema of the Sluice database file.
 */
final class DuckDbIdentifiers
{
    private DuckDbIdentifiers() {}

    static String toSchema(String database)
    {
        return database.equalsIgnoreCase(DuckDbSession.DEFAULT_DATABASE) ? DuckDbSession.DUCKDB_DEFAULT_SCHEMA : database;
    }

    static String toDatabase(String schema)
    {
        return schema.equals(DuckDbSession.DUCKDB_DEFAULT_SCHEMA) ? DuckDbSession.DEFAULT_DATABASE : schema;
    }

    static String quote(String identifier)
    {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The quoted DuckDB schema of a database, as {@code USE} takes it. */
    static String quotedSchema(String database)
    {
        return quote(toSchema(database));
    }
}
