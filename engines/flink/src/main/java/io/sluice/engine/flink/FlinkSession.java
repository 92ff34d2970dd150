package io.sluice.engine.flink;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * One Sluice session's session on the gateway: its catalog, current database, settings and temporary objects.
 * The gateway forgets sessions when it restarts or after its idle timeout; the next statement then opens a new
 * gateway session in the same catalog and database and runs there (temporary objects and SET values are gone).
 */
final class FlinkSession
        implements EngineSession
{
    private static final Map<String, String> PROPERTIES = Map.of(
            "table.local-time-zone", "UTC",
            "table.display.max-column-width", "1000");

    private final FlinkGatewayClient client;
    private final Optional<String> catalog;
    private final Consumer<FlinkSession> onClose;
    private final UnaryOperator<String> schemaNames;
    private final Set<FlinkStatement> statements = ConcurrentHashMap.newKeySet();
    private volatile String handle;
    private volatile Optional<String> schema = Optional.empty();
    private volatile boolean closed;

    FlinkSession(FlinkGatewayClient client, Optional<String> catalog, Consumer<FlinkSession> onClose, UnaryOperator<String> schemaNames)
    {
        this.client = requireNonNull(client, "client is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.schemaNames = requireNonNull(schemaNames, "schemaNames is null");
    }

    /** Opens the gateway session in the configured catalog and {@code database}. */
    void open(String database)
    {
        handle = client.openSession(PROPERTIES);
        useCatalog();
        if (!database.equalsIgnoreCase("default")) {
            useDatabase(database);
        }
    }

    FlinkGatewayClient client()
    {
        return client;
    }

    /**
     * Submits a statement: the gateway session and operation handles. If the gateway no longer knows the session,
     * a new one is opened (same catalog and database) and the statement submitted there; nothing ran before.
     */
    Operation submit(String sql, Map<String, String> executionConfig)
    {
        String current = handle;
        try {
            return new Operation(current, client.executeStatement(current, sql, executionConfig));
        }
        catch (SluiceException e) {
            if (!FlinkErrors.isSessionGone(e)) {
                throw e;
            }
            reopen(current);
            String reopened = handle;
            return new Operation(reopened, client.executeStatement(reopened, sql, executionConfig));
        }
    }

    private synchronized void reopen(String gone)
    {
        if (!gone.equals(handle) || closed) {
            return;
        }
        handle = client.openSession(PROPERTIES);
        useCatalog();
        Optional<String> current = schema;
        if (current.isPresent()) {
            queryRows("USE " + quote(current.get()));
        }
    }

    private void useCatalog()
    {
        if (catalog.isPresent()) {
            try {
                queryRows("USE CATALOG " + quote(catalog.get()));
            }
            catch (SluiceException e) {
                throw new SluiceException(ErrorCode.ENGINE_ERROR, "The Flink catalog '" + catalog.get() + "' (engine.flink.catalog) cannot be used: "
                        + e.getMessage(), e);
            }
        }
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
        String name = schemaNames.apply(database);
        try {
            queryRows("USE " + quote(name));
        }
        catch (SluiceException e) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist on flink (" + e.getMessage() + ")", e);
        }
        schema = Optional.of(name);
    }

    String schemaName(String database)
    {
        return schemaNames.apply(database);
    }

    static String quote(String name)
    {
        return "`" + name.replace("`", "``") + "`";
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
        String current = handle;
        if (current != null) {
            try {
                client.closeSession(current);
            }
            catch (SluiceException ignored) {
                // Flink is gone or forgot the session: nothing to release.
            }
        }
        onClose.accept(this);
    }

    /** A statement submitted to the gateway: the session it runs in and its operation. */
    record Operation(String session, String operation) {}
}
