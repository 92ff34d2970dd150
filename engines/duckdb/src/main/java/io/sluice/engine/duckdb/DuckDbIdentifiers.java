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

    /** The schema of the database file, qualified with the file's catalog, for {@code USE}. */
    static String qualifiedSchema(String database)
    {
        return quote(toSchema(database));
    }
}
