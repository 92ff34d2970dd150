package io.sluice.catalog.iceberg;

import org.apache.datasketches.common.Family;
import org.apache.datasketches.theta.CompactSketch;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.iceberg.GenericBlobMetadata;
import org.apache.iceberg.GenericStatisticsFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.puffin.Blob;
import org.apache.iceberg.puffin.Puffin;
import org.apache.iceberg.puffin.PuffinWriter;
import org.apache.iceberg.puffin.StandardBlobTypes;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Distinct values of a table's columns, as Iceberg's spec and Trino keep them: one Theta sketch (DataSketches' Alpha
 * family, default seed) per column, fed each non-NULL value in Iceberg's single-value serialization, written to a
 * Puffin file as {@code apache-datasketches-theta-v1} blobs with the estimate as their {@code ndv} property, and
 * registered as the statistics of the snapshot they were computed from.
 */
public final class ColumnSketches
{
    private final List<Types.NestedField> columns;
    private final List<UpdateSketch> sketches = new ArrayList<>();

    /** Sketches of the given columns (primitive types only). */
    public ColumnSketches(List<Types.NestedField> columns)
    {
        this.columns = List.copyOf(columns);
        for (Types.NestedField column : columns) {
            if (!column.type().isPrimitiveType()) {
                throw new IllegalArgumentException("Column " + column.name() + " is not of a primitive type");
            }
            sketches.add(UpdateSketch.builder().setFamily(Family.ALPHA).build());
        }
    }

    /** Whether a column's distinct values can be sketched (a primitive type). */
    public static boolean sketchable(Types.NestedField column)
    {
        return column.type().isPrimitiveType();
    }

    public List<Types.NestedField> columns()
    {
        return columns;
    }

    /** A value of the column at {@code index}, in the Java representation Sluice's rows use; NULL is not counted. */
    public void add(int index, Object value)
    {
        if (value == null) {
            return;
        }
        Type type = columns.get(index).type();
        ByteBuffer bytes = Conversions.toByteBuffer(type, internal(type, value));
        byte[] data = new byte[bytes.remaining()];
        bytes.duplicate().get(data);
        sketches.get(index).update(data);
    }

    /** A value as Iceberg represents it internally (days, microseconds, buffers). */
    private static Object internal(Type type, Object value)
    {
        if (value instanceof LocalDate date) {
            return (int) date.toEpochDay();
        }
        if (value instanceof LocalDateTime timestamp) {
            return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), timestamp);
        }
        if (value instanceof OffsetDateTime timestamp) {
            return ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), timestamp);
        }
        if (value instanceof LocalTime time) {
            return time.toNanoOfDay() / 1000;
        }
        if (value instanceof byte[] binary) {
            return ByteBuffer.wrap(binary);
        }
        if (value instanceof BigDecimal decimal && type instanceof Types.DecimalType decimalType) {
            return decimal.setScale(decimalType.scale());
        }
        if (type.typeId() == Type.TypeID.INTEGER && value instanceof Number number) {
            return number.intValue();
        }
        if (type.typeId() == Type.TypeID.LONG && value instanceof Number number) {
            return number.longValue();
        }
        return value;
    }

    /** The estimate of distinct values of the column at {@code index}. */
    public double estimate(int index)
    {
        return sketches.get(index).getEstimate();
    }

    /**
     * Writes the sketches to a Puffin file in the table's metadata directory and registers it as the statistics of
     * {@code snapshot}, replacing what that snapshot had.
     */
    public StatisticsFile commit(Table table, Snapshot snapshot)
    {
        String location = table.location() + "/metadata/" + snapshot.snapshotId() + "-" + UUID.randomUUID() + ".stats";
        StatisticsFile file;
        try (PuffinWriter writer = Puffin.write(table.io().newOutputFile(location)).createdBy("Sluice").build()) {
            for (int i = 0; i < columns.size(); i++) {
                CompactSketch sketch = sketches.get(i).compact();
                writer.add(new Blob(StandardBlobTypes.APACHE_DATASKETCHES_THETA_V1, List.of(columns.get(i).fieldId()), snapshot.snapshotId(),
                        snapshot.sequenceNumber(), ByteBuffer.wrap(sketch.toByteArray()), null, Map.of("ndv", Long.toString(Math.round(sketch.getEstimate())))));
            }
            writer.finish();
            file = new GenericStatisticsFile(snapshot.snapshotId(), location, writer.fileSize(), writer.footerSize(),
                    writer.writtenBlobsMetadata().stream().map(GenericBlobMetadata::from).toList());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Writing statistics of " + table.name() + " to " + location + " failed", e);
        }
        table.updateStatistics().setStatistics(file).commit();
        return file;
    }
}
