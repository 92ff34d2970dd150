package io.sluice.server.session;

import io.sluice.dialects.Dialect;
import io.sluice.router.EngineRouter;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.operation.Operation;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * A client session: its owner, protocol version, current database, settings ({@code SET k=v}), client info and the
 * engine sessions it opened, one per engine, lazily. Settings and temporary objects never leak between sessions.
 */
public final class Session
{
    private static final Logger log = LoggerFactory.getLogger(Session.class);

    public static final String ENGINE_SETTING = "sluice.engine";
    public static final String DIALECT_SETTING = "sluice.dialect";

    private final HandleId handle = HandleId.random();
    private final Caller owner;
    private final UnaryOperator<String> engineSetting;
    private final int protocolVersion;
    private final Map<String, String> settings = new ConcurrentHashMap<>();
    private final Map<String, String> clientInfo = new ConcurrentHashMap<>();
    private final Map<String, EngineSession> engineSessions = new ConcurrentHashMap<>();
    private final Map<String, CatalogCache.Entries> catalogEntries = new ConcurrentHashMap<>();
    private final Set<Operation> operations = ConcurrentHashMap.newKeySet();
    private volatile String currentDatabase;
    private volatile long lastAccessTime = System.currentTimeMillis();
    private volatile boolean closed;
    private volatile Optional<GroupBinding> group = Optional.empty();

    /** An interactive group the session joined: the engine its statements run on and the engine session all members share. */
    public record GroupBinding(String name, String engine, Supplier<EngineSession> session, Runnable leave)
    {
        public GroupBinding
        {
            requireNonNull(name, "name is null");
            requireNonNull(engine, "engine is null");
            requireNonNull(session, "session is null");
            requireNonNull(leave, "leave is null");
        }
    }

    /** Joins an interactive group: the group's engine session stands in for this session's own on the group's engine. */
    public void joinGroup(GroupBinding binding)
    {
        group = Optional.of(requireNonNull(binding, "binding is null"));
    }

    public Optional<GroupBinding> group()
    {
        return group;
    }

    Session(Caller owner, int protocolVersion, String currentDatabase, UnaryOperator<String> engineSetting)
    {
        this.owner = requireNonNull(owner, "owner is null");
        this.protocolVersion = protocolVersion;
        this.currentDatabase = requireNonNull(currentDatabase, "currentDatabase is null");
        this.engineSetting = requireNonNull(engineSetting, "engineSetting is null");
    }

    /** A value of {@code sluice.engine} checked against the engines this server has, normalized. */
    public String checkedEngineSetting(String value)
    {
        return engineSetting.apply(value);
    }

    /** Whether {@code caller} may use this session: the same binary connection, or the same user over HTTP. */
    boolean isOwnedBy(Caller caller)
    {
        if (owner.connectionId().isPresent()) {
            return owner.connectionId().equals(caller.connectionId());
        }
        return caller.connectionId().isEmpty() && owner.user().equals(caller.user());
    }

    /** This session's session on {@code engine}, opened at its first use in the current database. */
    /**
     * The engine's session, opened at the session's current database, or at {@code default} when the engine has no such
     * database (it lives in another engine's catalog or in the lakehouse): statements name their tables in full.
     */
    public EngineSession engineSession(Engine engine)
    {
        Optional<GroupBinding> joined = group;
        if (joined.isPresent() && joined.get().engine().equals(engine.name())) {
            return joined.get().session().get();
        }
        return engineSessions.computeIfAbsent(engine.name(), name -> {
            try {
                return engine.openSession(new SessionContext(owner.user(), currentDatabase));
            }
            catch (SluiceException e) {
                if (e.errorCode() != ErrorCode.DATABASE_NOT_FOUND || currentDatabase.equalsIgnoreCase("default")) {
                    throw e;
                }
                return engine.openSession(new SessionContext(owner.user(), "default"));
            }
        });
    }

    /**
     * Makes {@code database} current: in every engine session already open that has it (an engine without it keeps
     * its database, as in {@link #engineSession}); engines opened later start there.
     */
    public void useDatabase(String database)
    {
        for (EngineSession engineSession : engineSessions.values()) {
            try {
                engineSession.useDatabase(database);
            }
            catch (SluiceException e) {
                if (e.errorCode() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw e;
                }
            }
        }
        currentDatabase = database;
    }

    /** What validation read of {@code engine}'s catalogs in this session (see {@link CatalogCache}). */
    public CatalogCache.Entries catalogEntries(CatalogCache cache, String engine)
    {
        return catalogEntries.computeIfAbsent(engine, name -> cache.newEntries());
    }

    public HandleId handle()
    {
        return handle;
    }

    public String user()
    {
        return owner.user();
    }

    public Caller owner()
    {
        return owner;
    }

    public int protocolVersion()
    {
        return protocolVersion;
    }

    public String currentDatabase()
    {
        return currentDatabase;
    }

    public Map<String, String> settings()
    {
        return settings;
    }

    public Optional<String> setting(String key)
    {
        return Optional.ofNullable(settings.get(key));
    }

    /** The dialect the session's client writes ({@code sluice.dialect}), Spark SQL unless set. */
    public Dialect dialect()
    {
        return Dialect.fromName(settings.getOrDefault(DIALECT_SETTING, Dialect.SPARK.settingValue()));
    }

    /** The session's {@code sluice.engine}: the pinned engine, or {@code auto}. */
    public String engineSetting()
    {
        return settings.getOrDefault(ENGINE_SETTING, EngineRouter.AUTO);
    }

    public Map<String, String> clientInfo()
    {
        return clientInfo;
    }

    Set<Operation> operations()
    {
        return operations;
    }

    void touch()
    {
        lastAccessTime = System.currentTimeMillis();
    }

    long lastAccessTime()
    {
        return lastAccessTime;
    }

    boolean isClosed()
    {
        return closed;
    }

    /** Closes every operation and engine session; called by the session manager only. */
    void close()
    {
        closed = true;
        group.ifPresent(binding -> binding.leave().run());
        for (Operation operation : operations) {
            operation.close();
        }
        operations.clear();
        for (EngineSession engineSession : engineSessions.values()) {
            try {
                engineSession.close();
            }
            catch (RuntimeException e) {
                log.warn("Closing an engine session of session {} failed", handle, e);
            }
        }
        engineSessions.clear();
    }
}
