package io.sluice.server.operation;

import io.sluice.router.EngineChoice;
import io.sluice.router.EngineRouter;
import io.sluice.server.command.SessionCommand;
import io.sluice.server.command.SessionCommandExecutor;
import io.sluice.server.command.SessionCommands;
import io.sluice.server.session.Session;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineStatement;

import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * A SQL statement. The pipeline: a statement the gateway answers itself (USE, SET, SHOW, DESCRIBE, ...) is
 * answered here; any other is routed to an engine and sent there. The dialect issue inserts parsing and validation
 * before routing and transpiling after it; until then the statement reaches the engine as written.
 */
public final class ExecuteStatementOperation
        extends Operation
{
    private final String statement;
    private final EngineRouter router;
    private volatile EngineStatement engineStatement;

    public ExecuteStatementOperation(Session session, String queryId, String statement, EngineRouter router, long maxResultRows)
    {
        super(session, OperationType.EXECUTE_STATEMENT, queryId, maxResultRows);
        this.statement = requireNonNull(statement, "statement is null");
        this.router = requireNonNull(router, "router is null");
    }

    @Override
    protected Optional<ResultSource> runInternal()
    {
        Optional<SessionCommand> command = SessionCommands.parse(statement);
        if (command.isPresent()) {
            log().add("Answered by Sluice: " + command.get().getClass().getSimpleName());
            return SessionCommandExecutor.execute(command.get(), session(), () -> session().engineSession(route().engine()).metadata())
                    .map(ResultSource.class::cast);
        }
        EngineChoice choice = route();
        log().add(format("Routed to %s: %s", choice.engine().name(), choice.reason()));
        EngineStatement created = session().engineSession(choice.engine()).createStatement(statement);
        engineStatement = created;
        if (state().isTerminal()) {
            // Canceled or closed before the statement existed: cancelInternal could not reach it.
            created.close();
            throw new SluiceException(ErrorCode.QUERY_CANCELED, "The statement was canceled");
        }
        long start = System.nanoTime();
        boolean hasRows;
        try {
            hasRows = created.execute();
        }
        catch (RuntimeException e) {
            created.close();
            throw e;
        }
        log().add(format("Executed on %s in %.1f ms", choice.engine().name(), (System.nanoTime() - start) / 1e6));
        if (!hasRows) {
            setUpdateCount(created.updateCount());
            created.close();
            return Optional.empty();
        }
        return Optional.of(new EngineResult(created));
    }

    private EngineChoice route()
    {
        return router.route(session().engineSetting());
    }

    @Override
    protected void cancelInternal()
    {
        EngineStatement current = engineStatement;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public String description()
    {
        return statement;
    }
}
