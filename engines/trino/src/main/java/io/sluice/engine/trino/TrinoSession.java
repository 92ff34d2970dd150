package io.sluice.engine.trino;

import io.airlift.units.Duration;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.EngineMetadata;
import io.trino.client.ClientSession;
import io.trino.client.StatementClient;
import io.trino.client.StatementClientFactory;
import okhttp3.OkHttpClient;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One Sluice session's state on Trino: the catalog and schema its database names, and its session properties.
 * Trino sends changes (USE, SET SESSION) back with each statement's result; they are kept here.
 */
final class TrinoSession
        implements EngineSession
{
    private final TrinoConfig config;
    private final OkHttpClient httpClient;
    private final String user;
    private final Consumer<TrinoSession> onClose;
    private final Set<TrinoStatement> statements = ConcurrentHashMap.newKeySet();
    private final Map<String, String> properties;
    private final TrinoMetadataCache metadataCache;
    private String catalog;
    private String schema;
    private volatile boolean closed;

    TrinoSession(TrinoConfig config, OkHttpClient httpClient, String user, Consumer<TrinoSession> onClose)
    {
        this.config = requireNonNull(config, "config is null");
        this.httpClient = requireNonNull(httpClient, "httpClient is null");
        this.user = requireNonNull(user, "user is null");
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.properties = new HashMap<>(config.sessionProperties());
        this.metadataCache = new TrinoMetadataCache(config.metadataCacheTtl());
        this.catalog = config.catalog();
        this.schema = "default";
    }

    TrinoConfig config()
    {
        return config;
    }

    /** Starts the statement on Trino: the client posts it and holds Trino's first answer. */
    synchronized StatementClient start(String sql)
    {
        ClientSession session = ClientSession.builder()
                .server(config.endpoint())
                .user(Optional.of(user))
                .source("sluice")
                .catalog(catalog)
                .schema(schema)
                .timeZone(ZoneOffset.UTC)
                .locale(Locale.ENGLISH)
                .properties(Map.copyOf(properties))
                .clientRequestTimeout(new Duration(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        return StatementClientFactory.newStatementClient(httpClient, session, sql, Optional.empty());
    }

    TrinoMetadataCache metadataCache()
    {
        return metadataCache;
    }

    /** Keeps what the statement changed in the session (USE, SET SESSION, RESET SESSION). */
    synchronized void update(StatementClient client)
    {
        client.getSetCatalog().ifPresent(value -> catalog = value);
        client.getSetSchema().ifPresent(value -> schema = value);
        properties.putAll(client.getSetSessionProperties());
        client.getResetSessionProperties().forEach(properties::remove);
    }

    @Override
    public EngineStatement createStatement(String sql)
    {
        if (closed) {
            throw new SluiceException(ErrorCode.INVALID_OPERATION_STATE, "The Trino session is closed");
        }
        TrinoStatement statement = new TrinoStatement(this, sql);
        statements.add(statement);
        return statement;
    }

    @Override
    public EngineMetadata metadata()
    {
        return new TrinoMetadata(this);
    }

    @Override
    public void useDatabase(String database)
    {
        TrinoMetadata.Location location = TrinoMetadata.location(config.catalog(), database);
        if (!new TrinoMetadata(this).schemaExists(location)) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + database + "' does not exist on trino (no schema "
                    + location.catalog() + "." + location.schema() + ")");
        }
        synchronized (this) {
            catalog = location.catalog();
            schema = location.schema();
        }
    }

    void forget(TrinoStatement statement)
    {
        statements.remove(statement);
    }

    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        closed = true;
        for (TrinoStatement statement : List.copyOf(statements)) {
            statement.close();
        }
        onClose.accept(this);
    }
}
