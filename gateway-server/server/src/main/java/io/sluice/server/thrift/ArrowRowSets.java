package io.sluice.server.thrift;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import io.sluice.spi.type.TypeKind;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hive.service.rpc.thrift.TBinaryColumn;
import org.apache.hive.service.rpc.thrift.TColumn;
import org.apache.hive.service.rpc.thrift.TRowSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Results in Kyuubi's Arrow format ({@link io.sluice.server.session.ResultFormat#ARROW}, which Kyuubi's JDBC driver reads):
 * GetResultSetMetadata's status carries the hints {@code __kyuubi_operation_result_format__=arrow} and
 * {@code __kyuubi_operation_result_arrow_timestampAsString__=true}; each FetchResults answers one Arrow IPC record
 * batch message (no schema: the client derives it from the HS2 schema) as the one value of a binary column, and an
 * empty row set, of no columns, at the end. Types as the client maps them: integers, floats, DECIMAL(p,s), DATE,
 * BOOLEAN, BINARY as themselves; timestamps, CHAR/VARCHAR, intervals, ARRAY/MAP/STRUCT (as JSON) and NULL as text,
 * their HS2 types reported as STRING where the client needs it. Buffers come from one allocator whose accounting
 * the tests read: every batch's memory is released once it is written.
 */
public final class ArrowRowSets
{
    public static final String FORMAT_HINT = "__kyuubi_operation_result_format__=arrow";
    public static final String TIMESTAMP_HINT = "__kyuubi_operation_result_arrow_timestampAsString__=true";
    private static final BufferAllocator ALLOCATOR = new RootAllocator();

    private ArrowRowSets() {}

    /** The column's type as the HS2 schema of an Arrow result reports it. */
    public static SluiceType reported(SluiceType type)
    {
        return switch (type.kind()) {
            case CHAR, VARCHAR, INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME, ARRAY, MAP, STRUCT, NULL -> SluiceType.STRING;
            default -> type;
        };
    }

    /** Bytes the Arrow buffers of results hold now (0 between fetches). */
    public static long allocatedBytes()
    {
        return ALLOCATOR.getAllocatedMemory();
    }

    /** An empty row set: the end of an Arrow result. */
    public static TRowSet end()
    {
        TRowSet rowSet = new TRowSet(0, new ArrayList<>());
        rowSet.setColumns(new ArrayList<>());
        return rowSet;
    }

    /** The batch as one Arrow record batch message in a binary column. */
    public static TRowSet toRowSet(List<Column> columns, RowBatch batch)
    {
        if (batch.rowCount() == 0) {
            return end();
        }
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column column : columns) {
            fields.add(new Field(column.name(), FieldType.nullable(arrowType(column.type())), null));
        }
        try (BufferAllocator allocator = ALLOCATOR.newChildAllocator("fetch", 0, Long.MAX_VALUE);
                VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            int rows = batch.rowCount();
            for (int column = 0; column < columns.size(); column++) {
                fill(root.getVector(column), columns.get(column).type(), batch, column, rows);
            }
            root.setRowCount(rows);
            ByteArrayOutputStream output = new ByteArrayOutputStream(64 + rows * columns.size() * 8);
            try (ArrowRecordBatch recordBatch = new VectorUnloader(root).getRecordBatch()) {
                MessageSerializer.serialize(new WriteChannel(Channels.newChannel(output)), recordBatch);
            }
            TRowSet rowSet = new TRowSet(0, new ArrayList<>());
            rowSet.setColumns(List.of(TColumn.binaryVal(new TBinaryColumn(List.of(ByteBuffer.wrap(output.toByteArray())), ByteBuffer.allocate(0)))));
            return rowSet;
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot write the result as Arrow: " + e.getMessage(), e);
        }
    }

    private static ArrowType arrowType(SluiceType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case TINYINT -> new ArrowType.Int(8, true);
            case SMALLINT -> new ArrowType.Int(16, true);
            case INTEGER -> new ArrowType.Int(32, true);
            case BIGINT -> new ArrowType.Int(64, true);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case BINARY -> ArrowType.Binary.INSTANCE;
            case DATE -> new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY);
            default -> ArrowType.Utf8.INSTANCE;
        };
    }

    private static void fill(FieldVector vector, SluiceType type, RowBatch batch, int column, int rows)
    {
        vector.setInitialCapacity(rows);
        vector.allocateNew();
        TypeKind kind = type.kind();
        for (int row = 0; row < rows; row++) {
            Object value = batch.value(column, row);
            if (value == null) {
                vector.setNull(row);
                continue;
            }
            switch (kind) {
                case BOOLEAN -> ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
                case TINYINT -> ((TinyIntVector) vector).setSafe(row, (Byte) value);
                case SMALLINT -> ((SmallIntVector) vector).setSafe(row, (Short) value);
                case INTEGER -> ((IntVector) vector).setSafe(row, (Integer) value);
                case BIGINT -> ((BigIntVector) vector).setSafe(row, (Long) value);
                case FLOAT -> ((Float4Vector) vector).setSafe(row, ((Number) value).floatValue());
                case DOUBLE -> ((Float8Vector) vector).setSafe(row, ((Number) value).doubleValue());
                case DECIMAL -> ((DecimalVector) vector).setSafe(row, ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP));
                case BINARY -> ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
                case DATE -> ((DateDayVector) vector).setSafe(row, Math.toIntExact(((LocalDate) value).toEpochDay()));
                default -> ((VarCharVector) vector).setSafe(row, RowSets.text(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(rows);
    }
}
