package io.sluice.catalog.iceberg;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.stream.Collectors.joining;

/**
 * How DuckDB reads a lakehouse table without its Iceberg extension: Sluice plans the scan of the current snapshot
 * with Iceberg ({@code planFiles()}) and DuckDB reads the data files with {@code read_parquet}, columns mapped by
 * Iceberg field id ({@code schema = MAP {id: {name, type, default_value}}}), so renamed and added columns read
 * right. Position deletes apply as an anti-join on each row's position in its file; equality deletes and deletion
 * vectors are refused on DuckDB. Plans are cached per table and snapshot.
 */
public final class DuckDbScans
{
    private static final int CACHED_PLANS = 1000;

    private final Map<String, String> plans = new LinkedHashMap<>(16, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest)
        {
            return size() > CACHED_PLANS;
        }
    };

    private static final int CHECKED_FILES = 1_000_000;

    /** Data files known to carry field ids (files never change). */
    private final Set<String> filesWithFieldIds = ConcurrentHashMap.newKeySet();

    /** The query that reads the table's current snapshot on DuckDB, with the table's columns in order. */
    public String scan(String name, Table table)
    {
        return scan(name, table, table.currentSnapshot());
    }

    /** The query that reads a snapshot of the table (time travel; null for a table without one), with its current columns. */
    public String scan(String name, Table table, Snapshot snapshot)
    {
        String key = table.uuid() + "@" + (snapshot == null ? "empty" : snapshot.snapshotId()) + "#" + table.schema().schemaId();
        synchronized (plans) {
            String cached = plans.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String plan = plan(name, table, snapshot);
        synchronized (plans) {
            plans.put(key, plan);
        }
        return plan;
    }

    /**
     * DuckDB maps columns by field id, so a file without ids (added from outside Iceberg: engines that read it map it
     * by name) would read as NULLs: it is refused on DuckDB instead. Each file's footer is read once.
     */
    private void checkFieldIds(String name, String location)
    {
        if (filesWithFieldIds.contains(location)) {
            return;
        }
        boolean hasIds;
        try {
            hasIds = ParquetFieldIds.hasFieldIds(LocalFileIO.file(location));
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Data file " + location + " of lakehouse table " + name + " cannot be read: " + e.getMessage(), e);
        }
        if (!hasIds) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: data file " + location + " of lakehouse table " + name
                    + " has no Iceberg field ids (it was written outside Iceberg); read the table on Trino or Spark, which map its columns by name");
        }
        if (filesWithFieldIds.size() >= CHECKED_FILES) {
            filesWithFieldIds.clear();
        }
        filesWithFieldIds.add(location);
    }

    private String plan(String name, Table table, Snapshot snapshot)
    {
        List<Types.NestedField> fields = table.schema().columns();
        List<String> files = new ArrayList<>();
        // Data files with position deletes, each with the delete files that apply to it.
        Map<String, List<String>> deleted = new LinkedHashMap<>();
        if (snapshot != null) {
            try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
                for (FileScanTask task : tasks) {
                    checkFieldIds(name, task.file().location());
                    if (task.deletes().isEmpty()) {
                        files.add(LocalFileIO.file(task.file().location()).getAbsolutePath());
                        continue;
                    }
                    List<String> deletes = new ArrayList<>();
                    for (DeleteFile delete : task.deletes()) {
                        if (delete.content() != FileContent.POSITION_DELETES || delete.format() != FileFormat.PARQUET) {
                            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: lakehouse table " + name + " has "
                                    + (delete.content() == FileContent.EQUALITY_DELETES ? "equality deletes" : "deletion vectors")
                                    + ", which DuckDB does not apply; read it on Trino or Spark (sluice.engine)");
                        }
                        deletes.add(LocalFileIO.file(delete.location()).getAbsolutePath());
                    }
                    deleted.computeIfAbsent(task.file().location(), location -> new ArrayList<>()).addAll(deletes);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty() && deleted.isEmpty()) {
            return fields.stream()
                    .map(field -> "CAST(NULL AS " + IcebergTypes.toDuckDb(field.type()) + ") AS " + identifier(field.name()))
                    .collect(joining(", ", "SELECT ", " WHERE false"));
        }
        String schema = fields.stream()
                .map(field -> field.fieldId() + ": {name: " + literal(field.name()) + ", type: " + literal(IcebergTypes.toDuckDb(field.type())) + ", default_value: NULL}")
                .collect(joining(", ", "MAP {", "}"));
        String columns = fields.stream().map(field -> identifier(field.name())).collect(joining(", "));
        List<String> parts = new ArrayList<>();
        if (!files.isEmpty()) {
            parts.add("SELECT " + columns + " FROM read_parquet(" + list(files) + ", schema = " + schema + ")");
        }
        // Position deletes as an anti-join on the row's position in its file: the delete files name the data file by
        // its location in the table's metadata.
        deleted.forEach((location, deletes) -> parts.add("SELECT " + columns + " FROM read_parquet(" + list(List.of(LocalFileIO.file(location).getAbsolutePath()))
                + ", schema = " + schema + ", file_row_number = true) WHERE file_row_number NOT IN (SELECT pos FROM read_parquet(" + list(deletes)
                + ") WHERE file_path = " + literal(location) + ")"));
        return String.join(" UNION ALL ", parts);
    }

    private static String list(List<String> paths)
    {
        return paths.stream().distinct().map(DuckDbScans::literal).collect(joining(", ", "[", "]"));
    }

    static String identifier(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
