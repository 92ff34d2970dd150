package io.sluice.catalog.iceberg;

import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableStatistics.ColumnStatistics;
import org.apache.iceberg.BlobMetadata;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static java.util.Objects.requireNonNull;

/**
 * A lakehouse table's statistics from its Iceberg metadata alone, no engine asked: row count, data bytes and files from
 * the current snapshot's summary; per column, NULLs, lowest and highest value and data size from the data files'
 * metrics in the manifests; distinct values from Puffin {@code apache-datasketches-theta-v1} blobs ({@code ndv}, as
 * Trino's ANALYZE writes them) for the current snapshot. And the estimate after pruning: what a filter leaves to scan.
 */
public final class LakehouseStatistics
{
    /** The Puffin blob type of Theta sketches of distinct values (Iceberg's spec; Trino writes and reads it). */
    public static final String THETA_SKETCH_BLOB = "apache-datasketches-theta-v1";

    private LakehouseStatistics() {}

    /** What a scan with a filter reads: rows, bytes and files after partition and metrics pruning. */
    public record ScanEstimate(long rows, long bytes, int files)
    {
    }

    public static TableStatistics of(Table table)
    {
        requireNonNull(table, "table is null");
        Snapshot snapshot = table.currentSnapshot();
        List<Types.NestedField> fields = table.schema().columns();
        if (snapshot == null) {
            List<ColumnStatistics> empty = fields.stream().map(field -> new ColumnStatistics(field.name(), OptionalDouble.of(0), OptionalDouble.of(0),
                    OptionalDouble.empty(), Optional.empty(), Optional.empty())).toList();
            return new TableStatistics(OptionalDouble.of(0), OptionalDouble.of(0), OptionalDouble.of(0), empty);
        }
        Map<String, String> summary = snapshot.summary();
        long records = number(summary, SnapshotSummary.TOTAL_RECORDS_PROP);
        long positionDeletes = number(summary, SnapshotSummary.TOTAL_POS_DELETES_PROP);
        long equalityDeletes = number(summary, SnapshotSummary.TOTAL_EQ_DELETES_PROP);
        // Deleted rows are at most the deletes recorded; equality deletes may match several rows or none: an estimate.
        long rows = Math.max(0, records - positionDeletes - equalityDeletes);

        Map<Integer, Long> nulls = new HashMap<>();
        Map<Integer, Long> sizes = new HashMap<>();
        Map<Integer, Object> lows = new HashMap<>();
        Map<Integer, Object> highs = new HashMap<>();
        Map<Integer, Boolean> complete = new HashMap<>();
        int files = 0;
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).includeColumnStats().planFiles()) {
            for (FileScanTask task : tasks) {
                files++;
                DataFile file = task.file();
                for (Types.NestedField field : fields) {
                    int id = field.fieldId();
                    add(nulls, id, file.nullValueCounts() == null ? null : file.nullValueCounts().get(id), complete);
                    add(sizes, id, file.columnSizes() == null ? null : file.columnSizes().get(id), null);
                    if (field.type().isPrimitiveType()) {
                        bound(lows, id, field.type(), file.lowerBounds() == null ? null : file.lowerBounds().get(id), true);
                        bound(highs, id, field.type(), file.upperBounds() == null ? null : file.upperBounds().get(id), false);
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Double> distinct = distinctValues(table, snapshot.snapshotId());
        List<ColumnStatistics> columns = new ArrayList<>();
        for (Types.NestedField field : fields) {
            int id = field.fieldId();
            OptionalDouble nullsFraction = Boolean.FALSE.equals(complete.get(id)) || !nulls.containsKey(id) || rows == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(Math.min(1.0, nulls.get(id) / (double) rows));
            columns.add(new ColumnStatistics(field.name(),
                    sizes.containsKey(id) ? OptionalDouble.of(sizes.get(id)) : OptionalDouble.empty(),
                    distinct.containsKey(id) ? OptionalDouble.of(distinct.get(id)) : OptionalDouble.empty(),
                    nullsFraction,
                    Optional.ofNullable(lows.get(id)).map(value -> text(field.type(), value)),
                    Optional.ofNullable(highs.get(id)).map(value -> text(field.type(), value))));
        }
        return new TableStatistics(OptionalDouble.of(rows), OptionalDouble.of(number(summary, SnapshotSummary.TOTAL_FILE_SIZE_PROP)),
                OptionalDouble.of(files), columns);
    }

    /** What a full scan of the current snapshot reads, from its summary alone: no manifest is read. */
    public static ScanEstimate summary(Table table)
    {
        Snapshot snapshot = table.currentSnapshot();
        if (snapshot == null) {
            return new ScanEstimate(0, 0, 0);
        }
        Map<String, String> summary = snapshot.summary();
        long rows = Math.max(0, number(summary, SnapshotSummary.TOTAL_RECORDS_PROP) - number(summary, SnapshotSummary.TOTAL_POS_DELETES_PROP));
        return new ScanEstimate(rows, number(summary, SnapshotSummary.TOTAL_FILE_SIZE_PROP), (int) number(summary, SnapshotSummary.TOTAL_DATA_FILES_PROP));
    }

    /** What a scan of the current snapshot with {@code filter} reads, after pruning by partitions and file metrics. */
    public static ScanEstimate estimate(Table table, Expression filter)
    {
        long rows = 0;
        long bytes = 0;
        int files = 0;
        TableScan scan = table.newScan().filter(filter);
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            for (FileScanTask task : tasks) {
                rows += task.file().recordCount();
                bytes += task.file().fileSizeInBytes();
                files++;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ScanEstimate(rows, bytes, files);
    }

    /** NDV per field id from the Theta sketch blobs of the snapshot's statistics file. */
    private static Map<Integer, Double> distinctValues(Table table, long snapshotId)
    {
        Map<Integer, Double> distinct = new HashMap<>();
        for (StatisticsFile file : table.statisticsFiles()) {
            if (file.snapshotId() != snapshotId) {
                continue;
            }
            for (BlobMetadata blob : file.blobMetadata()) {
                String ndv = blob.properties().get("ndv");
                if (THETA_SKETCH_BLOB.equals(blob.type()) && blob.fields().size() == 1 && ndv != null) {
                    try {
                        distinct.put(blob.fields().get(0), Double.parseDouble(ndv));
                    }
                    catch (NumberFormatException e) {
                        // A blob without a readable estimate says nothing.
                    }
                }
            }
        }
        return distinct;
    }

    private static void add(Map<Integer, Long> totals, int id, Long value, Map<Integer, Boolean> complete)
    {
        if (value == null) {
            if (complete != null) {
                // A file without the metric: the total is unknown.
                complete.put(id, false);
            }
            return;
        }
        totals.merge(id, value, Long::sum);
        if (complete != null) {
            complete.putIfAbsent(id, true);
        }
    }

    private static void bound(Map<Integer, Object> bounds, int id, Type type, ByteBuffer value, boolean lowest)
    {
        if (value == null) {
            return;
        }
        Object decoded = Conversions.fromByteBuffer(type, value);
        Comparator<Object> comparator = Comparators.forType(type.asPrimitiveType());
        bounds.merge(id, decoded, (current, next) -> (comparator.compare(next, current) < 0) == lowest ? next : current);
    }

    private static String text(Type type, Object value)
    {
        return switch (type.typeId()) {
            case DATE -> java.time.LocalDate.ofEpochDay((Integer) value).toString();
            case TIMESTAMP -> {
                java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1_000_000L),
                        (int) Math.floorMod((Long) value, 1_000_000L) * 1000, java.time.ZoneOffset.UTC);
                yield time.toString().replace('T', ' ');
            }
            default -> String.valueOf(value);
        };
    }

    private static long number(Map<String, String> summary, String key)
    {
        String value = summary.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
