package io.sluice.server.jobs;

import io.sluice.metastore.Metastore;
import io.sluice.metastore.NamedObjectStore;
import io.sluice.metastore.NamedObjectStore.NamedObject;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Interactive groups: a long-lived engine session that several client sessions share by name ({@code sluice.group}),
 * so that their temporary views and settings are one and no call pays the engine's start-up. A group's engine session
 * opens at its first use (ACTIVE), closes after {@code groups.idle-timeout} without members (PAUSED), and opens again
 * at the next use. Groups are stored; their engine sessions live in the instance that opened them.
 */
public final class GroupService
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(GroupService.class);

    public static final String GROUP_SETTING = "sluice.group";
    public static final String IDLE_TIMEOUT = "groups.idle-timeout";

    /** A group as SHOW GROUPS shows it. */
    public record Group(String name, String engine, String state, int members, Map<String, String> properties, String user, Instant created) {}

    private final Metastore store;
    private final NamedObjectStore groups;
    private final Function<String, Optional<Engine>> engines;
    private final String defaultEngine;
    private final Duration idleTimeout;
    private final Map<String, Shared> open = new ConcurrentHashMap<>();

    /** A group's open engine session and its members. */
    private static final class Shared
    {
        private final EngineSession session;
        private int members;
        private long idleSince = System.nanoTime();

        Shared(EngineSession session)
        {
            this.session = session;
        }
    }

    public GroupService(Metastore store, Function<String, Optional<Engine>> engines, String defaultEngine, Duration idleTimeout)
    {
        this.store = requireNonNull(store, "store is null");
        this.groups = new NamedObjectStore(store, NamedObjectStore.Kind.GROUP);
        this.engines = requireNonNull(engines, "engines is null");
        this.defaultEngine = requireNonNull(defaultEngine, "defaultEngine is null");
        this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
    }

    public Group create(String user, String name, Optional<String> engine, Map<String, String> properties)
    {
        Names.check("group", name);
        String engineName = engine.orElse(defaultEngine);
        if (engines.apply(engineName).isEmpty()) {
            throw new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("Unknown engine '%s' for group %s", engineName, name));
        }
        properties.forEach((key, value) -> {
            if (key.startsWith("sluice.") || !key.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid group property '%s': a group's properties are the engine's settings "
                        + "(letters, digits, '_', '-', '.'), not Sluice's", key.length() > 64 ? key.substring(0, 64) + "..." : key));
            }
            if (!value.matches("[A-Za-z0-9_.:/@+-]{1,256}")) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid value of group property '%s': letters, digits and _.:/@+- only", key));
            }
        });
        store.inTransaction(connection -> {
            groups.insert(new NamedObject(name, engineName, properties, "", user, Instant.now()));
            return null;
        });
        return group(groups.get(name).orElseThrow());
    }

    public List<Group> groups(Access access)
    {
        List<Group> list = new ArrayList<>();
        for (NamedObject object : groups.list()) {
            list.add(group(object));
        }
        return list;
    }

    /** Drops the group and closes its engine session; its members' next statements fail naming it. */
    public void drop(Access access, String name, boolean ifExists)
    {
        Optional<NamedObject> object = groups.get(name);
        if (object.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw notFound(name);
        }
        access.checkOwner("group " + name, object.get().user());
        store.inTransaction(connection -> groups.delete(name));
        Shared shared = open.remove(name);
        if (shared != null) {
            closeQuietly(name, shared.session);
        }
    }

    /** Stops the group's engine session now (PAUSED); the next use opens a new one. */
    public Group stop(Access access, String name)
    {
        NamedObject object = groups.get(name).orElseThrow(() -> notFound(name));
        access.checkOwner("group " + name, object.user());
        Shared shared;
        synchronized (this) {
            shared = open.remove(name);
        }
        if (shared != null) {
            closeQuietly(name, shared.session);
        }
        return group(object);
    }

    /** The group's engine (the engine its members' statements run on); fails when there is no such group. */
    public String join(String name)
    {
        NamedObject object = groups.get(name).orElseThrow(() -> notFound(name));
        synchronized (this) {
            Shared shared = open.get(name);
            if (shared != null) {
                shared.members++;
            }
            else {
                open.put(name, opened(object, 1));
            }
        }
        return object.type();
    }

    /** A member left. */
    public synchronized void leave(String name)
    {
        Shared shared = open.get(name);
        if (shared != null && --shared.members <= 0) {
            shared.members = 0;
            shared.idleSince = System.nanoTime();
        }
    }

    /** The group's engine session for a member: the shared one, opened again when the group was paused. */
    public synchronized EngineSession session(String name)
    {
        Shared shared = open.get(name);
        if (shared == null) {
            NamedObject object = groups.get(name).orElseThrow(() -> notFound(name));
            shared = opened(object, 0);
            open.put(name, shared);
        }
        return shared.session;
    }

    /** Pauses groups idle longer than {@code groups.idle-timeout}: their engine sessions close. */
    public synchronized void pauseIdle()
    {
        long now = System.nanoTime();
        open.entrySet().removeIf(entry -> {
            Shared shared = entry.getValue();
            if (shared.members == 0 && now - shared.idleSince > idleTimeout.toNanos()) {
                log.info("Group {} paused after {} idle", entry.getKey(), idleTimeout);
                closeQuietly(entry.getKey(), shared.session);
                return true;
            }
            return false;
        });
    }

    private Shared opened(NamedObject object, int members)
    {
        Engine engine = engines.apply(object.type())
                .orElseThrow(() -> new SluiceException(ErrorCode.ENGINE_NOT_FOUND, format("The engine %s of group %s is not running here", object.type(), object.name())));
        EngineSession session = engine.openSession(new SessionContext(object.user(), "default"));
        try {
            for (Map.Entry<String, String> property : object.properties().entrySet()) {
                session.queryRows(format("SET %s = %s", property.getKey(), property.getValue()));
            }
        }
        catch (RuntimeException e) {
            closeQuietly(object.name(), session);
            throw e;
        }
        Shared shared = new Shared(session);
        shared.members = members;
        return shared;
    }

    private Group group(NamedObject object)
    {
        Shared shared = open.get(object.name());
        return new Group(object.name(), object.type(), shared == null ? "PAUSED" : "ACTIVE", shared == null ? 0 : shared.members, object.properties(),
                object.user(), object.created());
    }

    private static SluiceException notFound(String name)
    {
        return new SluiceException(ErrorCode.OBJECT_NOT_FOUND, "No group named " + name);
    }

    private static void closeQuietly(String name, EngineSession session)
    {
        try {
            session.close();
        }
        catch (RuntimeException e) {
            log.warn("Closing the engine session of group {} failed", name, e);
        }
    }

    @Override
    public synchronized void close()
    {
        open.forEach((name, shared) -> closeQuietly(name, shared.session));
        open.clear();
    }
}
