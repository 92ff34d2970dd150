package io.sluice.engine.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as the Java value {@link io.sluice.spi.type.TypeKind} documents. */
@FunctionalInterface
interface DuckDbValueReader
{
    Object read(ResultSet resultSet, int column)
            throws SQLException;
}
