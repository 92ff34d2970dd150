package io.sluice.server.session;

import io.sluice.server.config.SessionConfig;
import io.sluice.server.operation.Operation;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The open sessions and their operations. A handle is found only with its secret and only by its owner (see
 * {@link Session#isOwnedBy}); to anyone else it does not exist, so handles cannot be probed. Enforces the session
 * and operation limits and closes what stays idle too long.
 */
public final class SessionManager
{
    private static final Logger log = LoggerFactory.getLogger(SessionManager.class);

    private final SessionConfig config;
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, Operation> operations = new ConcurrentHashMap<>();

    private final UnaryOperator<String> engineSetting;

    /**
     * @param engineSetting checks and normalizes a value of {@code sluice.engine} (the router knows the engines)
     */
    public SessionManager(SessionConfig config, UnaryOperator<String> engineSetting)
    {
        this.config = requireNonNull(config, "config is null");
        this.engineSetting = requireNonNull(engineSetting, "engineSetting is null");
    }

    public Session open(Caller caller, int protocolVersion, String database)
    {
        Session session = new Session(caller, protocolVersion, database, engineSetting);
        synchronized (sessions) {
            if (sessions.size() >= config.maxSessions()) {
                throw new SluiceException(ErrorCode.TOO_MANY_SESSIONS,
                        format("Too many sessions: %s are open, the limit set by %s", sessions.size(), SessionConfig.MAX_SESSIONS));
            }
            sessions.put(session.handle().id(), session);
        }
        log.debug("Opened session {} for {}", session.handle(), caller.user());
        return session;
    }

    public Session get(HandleId handle, Caller caller)
    {
        Session session = sessions.get(handle.id());
        if (session == null || !session.handle().secretMatches(handle) || !session.isOwnedBy(caller)) {
            throw new SluiceException(ErrorCode.INVALID_SESSION_HANDLE, "Invalid SessionHandle: no open session " + handle + " belongs to this client");
        }
        session.touch();
        return session;
    }

    public void close(HandleId handle, Caller caller)
    {
        closeSession(get(handle, caller));
    }

    private void closeSession(Session session)
    {
        if (sessions.remove(session.handle().id()) == null) {
            return;
        }
        for (Operation operation : session.operations()) {
            operations.remove(operation.handle().id());
        }
        session.close();
        log.debug("Closed session {}", session.handle());
    }

    /** Closes the sessions opened over a binary connection that ended: nobody else may use them. */
    public void connectionClosed(long connectionId)
    {
        for (Session session : sessions.values()) {
            if (session.owner().connectionId().equals(java.util.Optional.of(connectionId))) {
                closeSession(session);
            }
        }
    }

    public void addOperation(Operation operation)
    {
        Session session = operation.session();
        synchronized (session) {
            // Check and add as one step, so that concurrent calls cannot overshoot the limit.
            if (session.operations().size() >= config.maxOperationsPerSession()) {
                throw new SluiceException(ErrorCode.SERVER_BUSY, format("Session %s has %s open operations, the limit set by %s; close some first",
                        session.handle(), session.operations().size(), SessionConfig.MAX_OPERATIONS));
            }
            session.operations().add(operation);
        }
        operations.put(operation.handle().id(), operation);
        if (session.isClosed()) {
            // Closed concurrently: make sure the operation does not outlive it.
            removeOperation(operation);
            throw new SluiceException(ErrorCode.INVALID_SESSION_HANDLE, "Invalid SessionHandle: session " + session.handle() + " was closed");
        }
    }

    public Operation getOperation(HandleId handle, Caller caller)
    {
        Operation operation = operations.get(handle.id());
        if (operation == null || !operation.handle().secretMatches(handle) || !operation.session().isOwnedBy(caller)) {
            throw new SluiceException(ErrorCode.INVALID_OPERATION_HANDLE, "Invalid OperationHandle: no open operation " + handle + " belongs to this client");
        }
        operation.touch();
        operation.session().touch();
        return operation;
    }

    public void removeOperation(Operation operation)
    {
        operations.remove(operation.handle().id());
        operation.session().operations().remove(operation);
        operation.close();
    }

    /** Closes sessions and finished operations idle longer than their timeouts. */
    public void closeIdle()
    {
        long now = System.currentTimeMillis();
        long operationTimeout = config.operationIdleTimeout().toMillis();
        if (operationTimeout > 0) {
            for (Operation operation : operations.values()) {
                if (operation.state().isTerminal() && now - operation.lastAccessTime() > operationTimeout) {
                    log.info("Closing operation {} idle for more than {}", operation.queryId(), config.operationIdleTimeout());
                    removeOperation(operation);
                }
            }
        }
        long sessionTimeout = config.sessionIdleTimeout().toMillis();
        if (sessionTimeout > 0) {
            for (Session session : sessions.values()) {
                boolean busy = session.operations().stream().anyMatch(operation -> !operation.state().isTerminal());
                if (!busy && now - session.lastAccessTime() > sessionTimeout) {
                    log.info("Closing session {} of {} idle for more than {}", session.handle(), session.user(), config.sessionIdleTimeout());
                    closeSession(session);
                }
            }
        }
    }

    public int sessionCount()
    {
        return sessions.size();
    }

    public int operationCount()
    {
        return operations.size();
    }

    public Collection<Session> sessions()
    {
        return List.copyOf(sessions.values());
    }

    public void closeAll()
    {
        for (Session session : sessions.values()) {
            closeSession(session);
        }
    }
}
