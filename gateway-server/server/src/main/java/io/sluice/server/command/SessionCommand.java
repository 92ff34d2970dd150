package io.sluice.server.command;

import io.sluice.dialects.ast.SqlDescribeObject.Detail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Collections.unmodifiableMap;

import static java.util.Objects.requireNonNull;

/** A statement the gateway answers itself. */
public sealed interface SessionCommand
{
    /** {@code USE db}. */
    record Use(String database)
            implements SessionCommand
    {
        public Use
        {
            requireNonNull(database, "database is null");
        }
    }

    /** {@code SET} (list), {@code SET key} (show) or {@code SET key=value}. */
    record Set(Optional<String> key, Optional<String> value)
            implements SessionCommand
    {
        public Set
        {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code SHOW DATABASES|SCHEMAS [IN catalog] [LIKE 'pattern']}. */
    record ShowDatabases(Optional<String> catalog, Optional<String> pattern)
            implements SessionCommand
    {
        public ShowDatabases
        {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code SHOW QUERIES}: the latest statements in the query history, with their route, estimate and time. */
    record ShowQueries()
            implements SessionCommand
    {
    }

    /** {@code SHOW CATALOGS [LIKE 'pattern']}: the lakehouse and each engine's own catalogs, with the engines that reach them. */
    record ShowCatalogs(Optional<String> pattern)
            implements SessionCommand
    {
        public ShowCatalogs
        {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code SHOW TABLES [FROM|IN db] [[LIKE] 'pattern']}. */
    record ShowTables(Optional<String> database, Optional<String> pattern)
            implements SessionCommand
    {
        public ShowTables
        {
            requireNonNull(database, "database is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code DESCRIBE [TABLE] [EXTENDED|FORMATTED] [db.]table}. */
    record Describe(Optional<String> database, String table, Detail detail)
            implements SessionCommand
    {
        public Describe
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
            requireNonNull(detail, "detail is null");
        }

        public Describe(Optional<String> database, String table)
        {
            this(database, table, Detail.NONE);
        }
    }

    /** {@code SHOW PARTITIONS [db.]table [PARTITION (key = 'value', ...)]}. */
    record ShowPartitions(Optional<String> database, String table, Map<String, String> partition)
            implements SessionCommand
    {
        public ShowPartitions
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
            partition = unmodifiableMap(new LinkedHashMap<>(requireNonNull(partition, "partition is null")));
        }
    }

    /** {@code SHOW CREATE TABLE [db.]t} or {@code SHOW CREATE VIEW [db.]v}: the statement that creates it. */
    record ShowCreate(Optional<String> database, String table, boolean view)
            implements SessionCommand
    {
        public ShowCreate
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
        }
    }

    /** {@code CREATE DATABASE|SCHEMA [IF NOT EXISTS] db}. */
    record CreateDatabase(String database, boolean ifNotExists)
            implements SessionCommand
    {
        public CreateDatabase
        {
            requireNonNull(database, "database is null");
        }
    }

    /** {@code DROP DATABASE|SCHEMA [IF EXISTS] db [RESTRICT|CASCADE]}. */
    record DropDatabase(String database, boolean ifExists, boolean cascade)
            implements SessionCommand
    {
        public DropDatabase
        {
            requireNonNull(database, "database is null");
        }
    }

    /** {@code RESET} (every setting) or {@code RESET key}. */
    record Reset(Optional<String> key)
            implements SessionCommand
    {
        public Reset
        {
            requireNonNull(key, "key is null");
        }
    }

    /** {@code SHOW VIEWS [FROM|IN db] [[LIKE] 'pattern']}. */
    record ShowViews(Optional<String> database, Optional<String> pattern)
            implements SessionCommand
    {
        public ShowViews
        {
            requireNonNull(database, "database is null");
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code SHOW COLUMNS (FROM|IN) [db.]table [(FROM|IN) db]}. */
    record ShowColumns(Optional<String> database, String table)
            implements SessionCommand
    {
        public ShowColumns
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
        }
    }

    /** {@code SHOW ENGINES}: the engines this server runs, with their state, version and load. */
    record ShowEngines()
            implements SessionCommand {}

    /** {@code SHOW STATS FOR [db.]t}: the engine's statistics of a table, as Trino shows them. */
    record ShowStats(Optional<String> database, String table)
            implements SessionCommand
    {
        public ShowStats
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
        }
    }

    /** {@code SHOW FUNCTIONS [[LIKE] 'pattern']}: the functions Sluice reads. */
    record ShowFunctions(Optional<String> pattern)
            implements SessionCommand
    {
        public ShowFunctions
        {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /** {@code DESCRIBE DATABASE db}. */
    record DescribeDatabase(String database)
            implements SessionCommand
    {
        public DescribeDatabase
        {
            requireNonNull(database, "database is null");
        }
    }

    /** {@code DESCRIBE FUNCTION f}: how Sluice translates the function for each engine. */
    record DescribeFunction(String function)
            implements SessionCommand
    {
        public DescribeFunction
        {
            requireNonNull(function, "function is null");
        }
    }
}
