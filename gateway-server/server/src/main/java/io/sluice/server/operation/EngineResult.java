package io.sluice.server.operation;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Rows streamed from an engine statement; rewinding is possible only before the first row was read. */
final class EngineResult
        implements ResultSource
{
    private final EngineStatement statement;
    private boolean consumed;

    EngineResult(EngineStatement statement)
    {
        this.statement = requireNonNull(statement, "statement is null");
    }

    @Override
    public List<Column> columns()
    {
        return statement.columns();
    }

    @Override
    public Optional<RowBatch> next(int maxRows)
    {
        Optional<RowBatch> batch = statement.nextBatch(maxRows);
        consumed |= batch.isPresent();
        return batch;
    }

    @Override
    public void rewind()
    {
        if (consumed) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED,
                    "FETCH_FIRST is not supported once rows of a streamed result were fetched; run the statement again");
        }
    }

    @Override
    public void close()
    {
        statement.close();
    }
}
