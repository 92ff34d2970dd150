package io.sluice.catalog.iceberg;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.Literal;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Comparators;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.UnicodeUtil;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static java.util.stream.Collectors.joining;

/**
 * How DuckDB writes a lakehouse table without its Iceberg extension: DuckDB writes one Parquet file into the table's
 * data location with {@code COPY (query) TO 'file' (FORMAT PARQUET, FIELD_IDS {...})}, every column (nested fields,
 * list elements, map keys and values too) carrying its Iceberg field id; Sluice then reads the file's footer through
 * DuckDB ({@code parquet_metadata}), builds the data file's metrics (row count, per column sizes, values, NULLs and
 * bounds) and commits it: an append, or for {@code INSERT OVERWRITE} an overwrite of every row that fails when
 * another writer committed data since the statement's read. A write that does not commit leaves no file behind.
 */
public final class DuckDbWrites
{
    /** Iceberg's default metrics mode, truncate(16): longer strings keep bounds of 16 characters. */
    private static final int STRING_BOUND_LENGTH = 16;
    private static final Pattern SHORT_OFFSET = Pattern.compile("([+-]\\d\\d)$");

    /**
     * What Sluice asks DuckDB about a file it wrote: one row per row group and leaf column (path, values, NULLs, the
     * bounds as text, compressed bytes, the row group's rows and id).
     */
    public static String footerQuery(String file)
    {
        return "SELECT path_in_schema, num_values, stats_null_count, stats_min_value, stats_max_value, total_compressed_size, row_group_num_rows, row_group_id"
                + " FROM parquet_metadata(" + DuckDbScans.literal(file) + ")";
    }

    private DuckDbWrites() {}

    /**
     * Where a write's data files go: a new directory in the table's data location, a name no other write takes.
     * DuckDB splits what it writes there into files of about {@link #FILE_SIZE} (it reads a file mapped by field ids
     * on one thread, so files of that size keep reads parallel).
     */
    public static String newDataDirectory(Table table)
    {
        return table.locationProvider().newDataLocation(UUID.randomUUID() + "-sluice");
    }

    /** The size DuckDB splits written data into files at. */
    static final String FILE_SIZE = "16MB";

    /**
     * The statement DuckDB writes the files with, into {@code directory}: the query's columns, in order, become the table's {@code columns}
     * (all of them when empty; the table's other columns are NULL), each cast to its Iceberg type and named and
     * numbered as the table's schema has it.
     *
     * @param query the query in DuckDB's SQL
     * @param queryColumns how many columns the query answers
     */
    public static String copy(Table table, String query, int queryColumns, List<String> columns, String directory)
    {
        List<String> partitionColumns = new ArrayList<>();
        for (PartitionField field : table.spec().fields()) {
            if (!field.transform().isIdentity()) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: writing the lakehouse table " + table.name() + ", partitioned by "
                        + field.transform() + "(" + table.schema().findColumnName(field.sourceId()) + ") (Sluice writes identity partitions for DuckDB); write it on Trino or Spark");
            }
            partitionColumns.add(DuckDbScans.identifier(table.schema().findColumnName(field.sourceId())));
        }
        Schema schema = table.schema();
        List<Types.NestedField> targets = new ArrayList<>();
        if (columns.isEmpty()) {
            targets.addAll(schema.columns());
        }
        else {
            for (String column : columns) {
                Types.NestedField field = column(table, column);
                if (targets.contains(field)) {
                    throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "Column '" + column + "' is named twice in the INSERT's column list");
                }
                targets.add(field);
            }
        }
        if (targets.size() != queryColumns) {
            throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "Cannot write to lakehouse table " + table.name() + ": the query answers "
                    + queryColumns + " column(s), the table takes " + targets.size());
        }
        List<String> sourceNames = new ArrayList<>();
        for (int i = 0; i < queryColumns; i++) {
            sourceNames.add(DuckDbScans.identifier("$" + (i + 1)));
        }
        List<String> select = new ArrayList<>();
        for (Types.NestedField field : schema.columns()) {
            int position = targets.indexOf(field);
            String value = position < 0 ? "NULL" : sourceNames.get(position);
            select.add("CAST(" + value + " AS " + IcebergTypes.toDuckDb(field.type()) + ") AS " + DuckDbScans.identifier(field.name()));
        }
        String fieldIds = schema.columns().stream()
                .map(field -> DuckDbScans.literal(field.name()) + ": " + fieldId(field))
                .collect(joining(", ", "{", "}"));
        return "COPY (SELECT " + String.join(", ", select) + " FROM (" + query + ") AS \"$source\"(" + String.join(", ", sourceNames) + "))"
                + " TO " + DuckDbScans.literal(LocalFileIO.file(directory).getAbsolutePath()) + " (FORMAT PARQUET, FIELD_IDS " + fieldIds
                + (partitionColumns.isEmpty()
                        ? ", FILE_SIZE_BYTES '" + FILE_SIZE + "'"
                        // A file per partition value, the partition columns kept in the files (readers map columns by field id).
                        : ", PARTITION_BY (" + String.join(", ", partitionColumns) + "), WRITE_PARTITION_COLUMNS true")
                // A name per file, never per directory: DuckDB names NULL and the string 'NULL' alike (col=NULL).
                + ", FILENAME_PATTERN 'part-{uuid}')";
    }

    /** A column of the table (not a nested field), named ignoring case as Spark does. */
    public static Types.NestedField column(Table table, String column)
    {
        Types.NestedField field = table.schema().caseInsensitiveFindField(column);
        if (field == null || table.schema().columns().stream().noneMatch(top -> top.fieldId() == field.fieldId())) {
            throw new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + column + "' not found in lakehouse table " + table.name());
        }
        return field;
    }

    /** A field's id for DuckDB's FIELD_IDS: a number, or for nested types the id and those of their fields. */
    private static String fieldId(Types.NestedField field)
    {
        Type type = field.type();
        if (type.isPrimitiveType()) {
            return String.valueOf(field.fieldId());
        }
        List<String> parts = new ArrayList<>();
        parts.add("__duckdb_field_id: " + field.fieldId());
        switch (type.typeId()) {
            case STRUCT -> ((Types.StructType) type).fields().forEach(nested -> parts.add(DuckDbScans.literal(nested.name()) + ": " + fieldId(nested)));
            case LIST -> parts.add("element: " + fieldId(((Types.ListType) type).fields().get(0)));
            case MAP -> {
                parts.add("key: " + fieldId(((Types.MapType) type).fields().get(0)));
                parts.add("value: " + fieldId(((Types.MapType) type).fields().get(1)));
            }
            default -> throw new IllegalStateException("Unexpected nested type " + type);
        }
        return parts.stream().collect(joining(", ", "{", "}"));
    }

    /**
     * The data file DuckDB wrote, with its metrics from the footer rows {@link #footerQuery} answers. Bounds are kept
     * only where they are exact for Iceberg: not for floating point (NaN) or binary columns, and strings truncated as
     * Iceberg truncates them.
     */
    public static DataFile dataFile(Table table, String file, long fileBytes, List<Object[]> footer)
    {
        Schema schema = table.schema();
        Map<String, Types.NestedField> byName = new HashMap<>();
        schema.columns().stream().filter(field -> field.type().isPrimitiveType()).forEach(field -> byName.put(field.name(), field));
        Map<Integer, Long> sizes = new HashMap<>();
        Map<Integer, Long> values = new HashMap<>();
        Map<Integer, Long> nulls = new HashMap<>();
        Set<Integer> unknownNulls = new HashSet<>();
        Map<Integer, Object> lower = new HashMap<>();
        Map<Integer, Object> upper = new HashMap<>();
        Set<Integer> unknownBounds = new HashSet<>();
        Map<Long, Long> rowGroups = new HashMap<>();
        for (Object[] row : footer) {
            rowGroups.put(number(row[7]), number(row[6]));
            Types.NestedField field = byName.get(String.valueOf(row[0]));
            if (field == null) {
                // A leaf of a nested column: its metrics are not kept.
                continue;
            }
            int id = field.fieldId();
            sizes.merge(id, number(row[5]), Long::sum);
            long count = number(row[1]);
            values.merge(id, count, Long::sum);
            Long nullCount = row[2] == null ? null : number(row[2]);
            if (nullCount == null) {
                unknownNulls.add(id);
            }
            else {
                nulls.merge(id, nullCount, Long::sum);
            }
            boolean allNull = nullCount != null && nullCount == count;
            if (allNull) {
                continue;
            }
            Optional<Object> min = bound(field.type(), row[3]);
            Optional<Object> max = bound(field.type(), row[4]);
            if (min.isEmpty() || max.isEmpty()) {
                unknownBounds.add(id);
                continue;
            }
            Comparator<Object> comparator = comparator(field.type());
            lower.merge(id, min.get(), (a, b) -> comparator.compare(a, b) <= 0 ? a : b);
            upper.merge(id, max.get(), (a, b) -> comparator.compare(a, b) >= 0 ? a : b);
        }
        unknownNulls.forEach(nulls::remove);
        unknownBounds.forEach(id -> {
            lower.remove(id);
            upper.remove(id);
        });
        long rows = rowGroups.values().stream().mapToLong(Long::longValue).sum();
        Map<Integer, ByteBuffer> lowerBounds = new HashMap<>();
        Map<Integer, ByteBuffer> upperBounds = new HashMap<>();
        lower.forEach((id, value) -> {
            Type type = schema.findType(id);
            Object truncated = type.typeId() == Type.TypeID.STRING ? UnicodeUtil.truncateStringMin(value.toString(), STRING_BOUND_LENGTH) : value;
            lowerBounds.put(id, Conversions.toByteBuffer(type, truncated));
        });
        upper.forEach((id, value) -> {
            Type type = schema.findType(id);
            Object truncated = value;
            if (type.typeId() == Type.TypeID.STRING) {
                CharSequence max = UnicodeUtil.truncateStringMax(Literal.of((CharSequence) value), STRING_BOUND_LENGTH).value();
                if (max == null) {
                    // No string of 16 characters is above it: no upper bound.
                    return;
                }
                truncated = max.toString();
            }
            upperBounds.put(id, Conversions.toByteBuffer(type, truncated));
        });
        Metrics metrics = new Metrics(rows, sizes, values, nulls, null, lowerBounds, upperBounds);
        DataFiles.Builder builder = DataFiles.builder(table.spec())
                .withPath(file)
                .withFormat(FileFormat.PARQUET)
                .withFileSizeInBytes(fileBytes)
                .withMetrics(metrics);
        if (!table.spec().isUnpartitioned()) {
            builder.withPartition(partition(table, file, footer));
        }
        return builder.build();
    }

    /**
     * The identity partition of a file DuckDB wrote for one partition value: each partition column is NULL throughout
     * or holds one value, read from the footer's statistics.
     */
    private static PartitionData partition(Table table, String file, List<Object[]> footer)
    {
        PartitionData partition = new PartitionData(table.spec().partitionType());
        List<PartitionField> fields = table.spec().fields();
        for (int i = 0; i < fields.size(); i++) {
            Types.NestedField source = table.schema().findField(fields.get(i).sourceId());
            long values = 0;
            long nulls = 0;
            Set<Object> distinct = new HashSet<>();
            boolean known = true;
            for (Object[] row : footer) {
                if (!source.name().equals(String.valueOf(row[0]))) {
                    continue;
                }
                long count = number(row[1]);
                long nullCount = row[2] == null ? -1 : number(row[2]);
                values += count;
                if (nullCount < 0) {
                    known = false;
                    continue;
                }
                nulls += nullCount;
                if (nullCount < count) {
                    Optional<Object> min = bound(source.type(), row[3]);
                    Optional<Object> max = bound(source.type(), row[4]);
                    if (min.isEmpty() || max.isEmpty()) {
                        known = false;
                        continue;
                    }
                    distinct.add(min.get());
                    distinct.add(max.get());
                }
            }
            if (!known || (nulls > 0 && nulls < values) || distinct.size() > 1 || (nulls == 0 && distinct.isEmpty())) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: writing the lakehouse table " + table.name()
                        + " partitioned by " + source.name() + " of type " + source.type() + ": DuckDB's file " + file
                        + " does not hold exactly one partition value; write it on Trino or Spark");
            }
            partition.set(i, distinct.isEmpty() ? null : distinct.iterator().next());
        }
        return partition;
    }

    private static long number(Object value)
    {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object> comparator(Type type)
    {
        return (Comparator<Object>) (Comparator<?>) Comparators.forType(type.asPrimitiveType());
    }

    /** A bound as DuckDB prints it, in Iceberg's representation of the type; empty when it is not exact or not known. */
    static Optional<Object> bound(Type type, Object text)
    {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.toString();
        try {
            return switch (type.typeId()) {
                case BOOLEAN -> value.equals("true") || value.equals("false") ? Optional.of(Boolean.parseBoolean(value)) : Optional.empty();
                case INTEGER -> Optional.of(Integer.parseInt(value));
                case LONG -> Optional.of(Long.parseLong(value));
                case DECIMAL -> Optional.of(new BigDecimal(value).setScale(((Types.DecimalType) type).scale(), RoundingMode.UNNECESSARY));
                case STRING -> Optional.of(value);
                case DATE, TIMESTAMP -> {
                    String iso = value.replace(' ', 'T');
                    if (type.typeId() == Type.TypeID.TIMESTAMP && ((Types.TimestampType) type).shouldAdjustToUTC()) {
                        iso = SHORT_OFFSET.matcher(iso).replaceFirst("$1:00");
                    }
                    Literal<Object> literal = Literal.of(iso).to(type);
                    yield literal == null ? Optional.empty() : Optional.of(literal.value());
                }
                // Floating point bounds would have to leave NaN out; binary and the rest are not kept.
                default -> Optional.empty();
            };
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Commits the files: appended, or replacing every row of the table ({@code overwrite}), which fails when another
     * writer committed data or deletes after {@code readSnapshot} (the snapshot the statement read; empty for a table
     * that had none). Sets {@code schema.name-mapping.default} when the table has none, so readers map files without
     * field ids by name. When the commit fails the files are deleted, unless its outcome is unknown.
     */
    public static Snapshot commit(Table table, List<DataFile> files, boolean overwrite, Optional<Long> readSnapshot)
    {
        // Iceberg retries a commit a few times; many writers at once can outlast that, and an append (or an overwrite,
        // whose validation sees what others committed) can always be applied again to the latest metadata.
        for (int attempt = 1; ; attempt++) {
            try {
                return commitOnce(table, files, overwrite, readSnapshot);
            }
            catch (SluiceException e) {
                if (e.getCause() instanceof CommitStateUnknownException) {
                    // The files may be the table's now: they stay.
                    throw e;
                }
                if (!(e.getCause() instanceof CommitFailedException) || attempt >= COMMIT_ATTEMPTS) {
                    delete(table, files);
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(20, 50L * attempt));
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    delete(table, files);
                    throw new SluiceException(ErrorCode.QUERY_CANCELED, "The commit to lakehouse table " + table.name() + " was interrupted; nothing was written", interrupted);
                }
                table.refresh();
            }
        }
    }

    private static final int COMMIT_ATTEMPTS = 10;

    private static Snapshot commitOnce(Table table, List<DataFile> files, boolean overwrite, Optional<Long> readSnapshot)
    {
        try {
            Transaction transaction = table.newTransaction();
            if (!table.properties().containsKey(TableProperties.DEFAULT_NAME_MAPPING)) {
                transaction.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(MappingUtil.create(table.schema()))).commit();
            }
            if (overwrite) {
                OverwriteFiles operation = transaction.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue());
                files.forEach(operation::addFile);
                readSnapshot.ifPresent(operation::validateFromSnapshot);
                operation.validateNoConflictingData().validateNoConflictingDeletes().commit();
            }
            else {
                AppendFiles operation = transaction.newAppend();
                files.forEach(operation::appendFile);
                operation.commit();
            }
            transaction.commitTransaction();
            table.refresh();
            return table.currentSnapshot();
        }
        catch (CommitStateUnknownException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The commit to lakehouse table " + table.name()
                    + " may or may not have happened (the metadata store did not answer): " + e.getMessage(), e);
        }
        catch (ValidationException e) {
            throw new SluiceException(ErrorCode.TRANSACTION_ERROR, "INSERT OVERWRITE of lakehouse table " + table.name()
                    + " conflicts with a write committed since it started; nothing was written, run it again: " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The commit to lakehouse table " + table.name() + " failed; nothing was written: "
                    + e.getMessage(), e);
        }
    }

    /** Deletes files a write left that no snapshot holds. */
    public static void delete(Table table, List<?> files)
    {
        for (Object file : files) {
            String location = file instanceof DataFile data ? data.location() : file.toString();
            try {
                table.io().deleteFile(location);
            }
            catch (RuntimeException ignored) {
                // Not there (DuckDB failed before writing it) or already gone.
            }
        }
    }

    /** The properties of a table Sluice creates: format v2, and the name mapping of its schema. */
    public static Map<String, String> createProperties(Schema schema)
    {
        return Map.of(TableProperties.FORMAT_VERSION, "2", TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(MappingUtil.create(schema)));
    }
}
