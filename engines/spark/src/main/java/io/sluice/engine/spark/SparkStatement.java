package io.sluice.engine.spark;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.type.SluiceType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.Dataset;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * One statement on Spark Connect. Commands (DDL, INSERT) run when the statement executes; queries stream their
 * Arrow batches as the client reads, through the client's local iterator, so the result is never held whole.
 * Every statement carries a tag of its own: cancel and close interrupt the operations with that tag on Spark,
 * which stops its jobs.
 */
final class SparkStatement
        implements EngineStatement
{
    private final SparkEngineSession session;
    private final String sql;
    private final String tag = "sluice-" + UUID.randomUUID();
    private volatile boolean canceled;
    private volatile boolean closed;
    private volatile boolean running;
    private List<Column> columns = List.of();
    private List<SluiceType> types = List.of();
    private Iterator<Row> rows;

    SparkStatement(SparkEngineSession session, String sql)
    {
        this.session = requireNonNull(session, "session is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public boolean execute()
    {
        SparkSession spark = session.spark();
        running = true;
        spark.addTag(tag);
        try {
            Dataset<Row> dataset = spark.sql(sql);
            StructField[] fields = dataset.schema().fields();
            if (fields.length == 0) {
                return false;
            }
            List<Column> resultColumns = new ArrayList<>();
            List<SluiceType> resultTypes = new ArrayList<>();
            for (StructField field : fields) {
                SluiceType type = SparkTypes.toSluiceType(field.dataType());
                resultColumns.add(new Column(field.name(), type, Optional.empty()));
                resultTypes.add(type);
            }
            columns = List.copyOf(resultColumns);
            types = List.copyOf(resultTypes);
            if (canceled) {
                throw canceledException();
            }
            // The client decodes Arrow batches into rows by column name, which fails on duplicate names (SELECT a.id,
            // b.id): the columns are renamed by position for the transfer; Sluice keeps Spark's names.
            Set<String> names = new HashSet<>();
            boolean duplicates = false;
            for (StructField field : fields) {
                duplicates |= !names.add(field.name().toLowerCase(Locale.ROOT));
            }
            if (duplicates) {
                String[] positional = new String[fields.length];
                for (int i = 0; i < positional.length; i++) {
                    positional[i] = "_c" + i;
                }
                dataset = dataset.toDF(positional);
            }
            rows = dataset.toLocalIterator();
            // The first batch is read here, so that errors of small queries come with execute.
            rows.hasNext();
            return true;
        }
        catch (Throwable e) {
            throw failure(e);
        }
        finally {
            spark.removeTag(tag);
            running = false;
        }
    }

    @Override
    public List<Column> columns()
    {
        return columns;
    }

    @Override
    public long updateCount()
    {
        return -1;
    }

    @Override
    public Optional<RowBatch> nextBatch(int maxRows)
    {
        Iterator<Row> current = rows;
        if (current == null || closed) {
            return Optional.empty();
        }
        List<Object[]> batch = new ArrayList<>();
        running = true;
        try {
            while (batch.size() < maxRows && current.hasNext()) {
                Row row = current.next();
                Object[] values = new Object[types.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = SparkTypes.toValue(row.get(i), types.get(i));
                }
                batch.add(values);
            }
        }
        catch (Throwable e) {
            throw failure(e);
        }
        finally {
            running = false;
        }
        if (batch.isEmpty()) {
            rows = null;
            closeRows(current);
            return Optional.empty();
        }
        return Optional.of(RowBatch.ofRows(types.size(), batch));
    }

    private SluiceException failure(Throwable e)
    {
        if (canceled || closed) {
            return canceledException();
        }
        return SparkErrors.translate(e, session.remote());
    }

    private static SluiceException canceledException()
    {
        return new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
    }

    int running()
    {
        return running ? 1 : 0;
    }

    @Override
    public void cancel()
    {
        canceled = true;
        interrupt();
    }

    /** Stops the statement's operations on Spark, and with them its jobs. */
    private void interrupt()
    {
        try {
            session.spark().interruptTag(tag);
        }
        catch (Throwable ignored) {
            // Finished already, or Spark is gone: nothing left to stop.
        }
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        Iterator<Row> current = rows;
        rows = null;
        if (current != null || running) {
            interrupt();
        }
        closeRows(current);
        session.forget(this);
    }

    /** Releases the iterator's Arrow buffers. */
    private static void closeRows(Iterator<Row> rows)
    {
        if (rows instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Throwable ignored) {
                // The operation is over already.
            }
        }
    }
}
