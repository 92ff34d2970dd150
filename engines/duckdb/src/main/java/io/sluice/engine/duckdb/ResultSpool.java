package io.sluice.engine.duckdb;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The unread rest of a result, kept in a temporary file so that memory stays bounded. Rows are written once, then
 * read in order; the file is deleted on {@link #close()}. Values are the Java types of {@link RowBatch}, all
 * serializable.
 */
final class ResultSpool
        implements AutoCloseable
{
    private static final int RESET_INTERVAL = 1024;

    private final Path file;
    private final int columnCount;
    private ObjectOutputStream output;
    private ObjectInputStream input;
    private long written;
    private long read;

    private ResultSpool(Path file, int columnCount, ObjectOutputStream output)
    {
        this.file = file;
        this.columnCount = columnCount;
        this.output = output;
    }

    static ResultSpool create(Path directory, int columnCount)
    {
        try {
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "result-", ".spool");
            return new ResultSpool(file, columnCount, new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot create a result spool file in " + directory + ": " + e.getMessage(), e);
        }
    }

    void write(RowBatch batch)
    {
        try {
            for (int row = 0; row < batch.rowCount(); row++) {
                output.writeObject(batch.row(row));
                if (++written % RESET_INTERVAL == 0) {
                    // Forget written objects, so that the stream's handle table does not grow with the result.
                    output.reset();
                }
            }
        }
        catch (IOException e) {
            throw failure(e);
        }
    }

    void finishWriting()
    {
        try {
            output.close();
            output = null;
            input = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        }
        catch (IOException e) {
            throw failure(e);
        }
    }

    Optional<RowBatch> next(int maxRows)
    {
        if (read == written) {
            return Optional.empty();
        }
        RowBatch.Builder builder = RowBatch.builder(columnCount, (int) Math.min(maxRows, written - read));
        try {
            while (builder.rowCount() < maxRows && read < written) {
                Object[] values = (Object[]) input.readObject();
                read++;
                int row = builder.addRow();
                for (int column = 0; column < columnCount; column++) {
                    builder.set(column, row, values[column]);
                }
            }
        }
        catch (IOException | ClassNotFoundException e) {
            throw failure(e);
        }
        return Optional.of(builder.build());
    }

    private SluiceException failure(Exception e)
    {
        return new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Result spool file " + file + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close()
    {
        try {
            if (output != null) {
                output.close();
            }
            if (input != null) {
                input.close();
            }
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // the file lives in Sluice's spool directory, which is cleared on start
        }
    }
}
