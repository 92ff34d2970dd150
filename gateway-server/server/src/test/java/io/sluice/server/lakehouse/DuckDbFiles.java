package io.sluice.server.lakehouse;

import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

/** Lakehouse data files written by DuckDB itself (as any tool outside Sluice could) and committed through the catalog. */
final class DuckDbFiles
{
    private DuckDbFiles() {}

    /**
     * DuckDB's own {@code COPY (query) TO <table>/data/<name> (FORMAT parquet<options>)}, through the pass-through of
     * a session pinned to DuckDB in its dialect, then appended to the table with Iceberg's API; the session is left
     * routed and in Spark's dialect.
     */
    static Path append(Statement statement, Table table, String name, String query, String options, long rows)
            throws Exception
    {
        Path file = Path.of(URI.create(table.location() + "/data/" + name));
        Files.createDirectories(file.getParent());
        statement.execute("SET sluice.engine=duckdb");
        statement.execute("SET sluice.dialect=duckdb");
        statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet" + options + ")");
        statement.execute("SET sluice.dialect=spark");
        statement.execute("SET sluice.engine=auto");
        table.newAppend().appendFile(DataFiles.builder(table.spec()).withPath(file.toUri().toString()).withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(Files.size(file)).withRecordCount(rows).build()).commit();
        return file;
    }
}
