package io.sluice.server.operation;

import io.sluice.server.session.Session;

import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** A metadata call answered from the engine's catalog, with rows Sluice builds itself. */
public final class MetadataOperation
        extends Operation
{
    private final Supplier<LocalResult> result;

    public MetadataOperation(Session session, OperationType type, String queryId, Supplier<LocalResult> result)
    {
        super(session, type, queryId, 0);
        this.result = requireNonNull(result, "result is null");
    }

    @Override
    protected boolean resultSetExpected()
    {
        return true;
    }

    @Override
    protected Optional<ResultSource> runInternal()
    {
        return Optional.of(result.get());
    }

    @Override
    public String description()
    {
        return type().name();
    }
}
