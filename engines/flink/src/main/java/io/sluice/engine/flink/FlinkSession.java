package io.sluice.engine.flink;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/** One Sluice session's session on the gateway: its current database, settings and temporary objects. */
final class FlinkSession
        implements EngineSession
{
    private final FlinkGatewayClient client;
    private final String handle;
    private final Consumer<FlinkSession> onClose;
    private final UnaryOperator<String> schemaNames;
    private final Set<FlinkStatement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FlinkSession(FlinkGatewayClient client, String handle, Consumer<FlinkSession> onClose, UnaryOperator<String> schemaNames)
    {
        this.client = requireNonNull(client, "client is null");
        this.handle = requireNonNull(handle, "handle is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.schemaNames = requireNonNull(schemaNames, "schemaNames is null");
    }

    FlinkGatewayClient client()
    {
        return client;
    }

    String handle()
    {
        return handle;
    }

    @Override
    public EngineStatement createStatement(String sql)
    {
        FlinkStatement statement = new FlinkStatement(this, sql);
        statements.add(statement);
        return statement;
    }

    @Override
    public EngineMetadata metadata()
    {
        return new FlinkMetadata(this);
    }

    @Override
    public void useDatabase(String database)
    {
        String schema = schemaNames.apply(database);
        try {
            queryRows("USE `" + schema.replace("`", "``") + "`");
        }
        catch (SluiceException e) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist on flink (" + e.getMessage() + ")", e);
        }
    }

    String schemaName(String database)
    {
        return schemaNames.apply(database);
    }

    void forget(FlinkStatement statement)
    {
        statements.remove(statement);
    }

    int runningStatements()
    {
        return statements.stream().mapToInt(FlinkStatement::running).sum();
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        for (FlinkStatement statement : List.copyOf(statements)) {
            statement.close();
        }
        try {
            client.closeSession(handle);
        }
        catch (SluiceException ignored) {
            // Flink is gone or forgot the session: nothing to release.
        }
        onClose.accept(this);
    }
}
