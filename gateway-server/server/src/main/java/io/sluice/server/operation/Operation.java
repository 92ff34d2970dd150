package io.sluice.server.operation;

import io.sluice.server.session.HandleId;
import io.sluice.server.session.Session;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * One operation of a session: a statement or a metadata call. Runs once ({@link #run()}: the
 * {@code beforeRun / runInternal / afterRun} template), then serves its result until closed. State changes go
 * through {@link OperationState}'s transitions only; {@link #cancel()}, {@link #timeout()} and {@link #close()} may
 * come from any thread at any time.
 */
public abstract class Operation
{
    private static final Logger log = LoggerFactory.getLogger(Operation.class);

    private final HandleId handle = HandleId.random();
    private final Session session;
    private final OperationType type;
    private final String queryId;
    private final OperationLog operationLog = new OperationLog();
    private final long maxResultRows;

    private OperationState state = OperationState.INITIALIZED;
    private SluiceException failure;
    private ResultSource result;
    private long updateCount = -1;
    private long rowsFetched;
    private final long createTime = System.currentTimeMillis();
    private long completeTime;
    private volatile long lastAccessTime = System.currentTimeMillis();

    protected Operation(Session session, OperationType type, String queryId, long maxResultRows)
    {
        this.session = requireNonNull(session, "session is null");
        this.type = requireNonNull(type, "type is null");
        this.queryId = requireNonNull(queryId, "queryId is null");
        this.maxResultRows = maxResultRows;
    }

    /** Does the work and returns its rows, or empty for a statement without rows (call {@link #setUpdateCount}). */
    protected abstract Optional<ResultSource> runInternal();

    /**
     * Whether the operation answers with a result set, known before it runs: the operation handle tells the client so
     * at once, and an expected result that turns out empty is an empty result set rather than none.
     */
    protected boolean resultSetExpected()
    {
        return false;
    }

    /** Stops work in progress (engine statements); called at most once, from any thread. */
    protected void cancelInternal() {}

    /** What the operation does, for logs. */
    public abstract String description();

    /** Whether the operation's rows travel as Kyuubi's Arrow batches (only statements' results do). */
    public boolean arrowResults()
    {
        return false;
    }

    public final void run()
    {
        if (!transition(OperationState.RUNNING)) {
            return;
        }
        try {
            Optional<ResultSource> source = runInternal();
            synchronized (this) {
                if (state == OperationState.RUNNING) {
                    result = source.orElseGet(() -> resultSetExpected() ? new LocalResult(List.of(), List.of()) : null);
                    setState(OperationState.FINISHED);
                    return;
                }
            }
            // Canceled, timed out or closed while running: nobody will read this result.
            source.ifPresent(ResultSource::close);
        }
        catch (Throwable e) {
            // Errors and undeclared checked exceptions and throwables (Scala clients) too: an operation left RUNNING
            // would hang its client. The JVM's own failures (out of memory) are rethrown once the operation failed.
            SluiceException exception = SluiceException.wrap(e);
            if (exception.errorCode().type() == io.sluice.spi.ErrorType.INTERNAL_ERROR) {
                log.error("Operation {} failed: {}", queryId, description(), e);
            }
            synchronized (this) {
                if (!state.isTerminal()) {
                    failure = exception;
                    operationLog.add("Failed: " + exception.getMessage());
                    setState(OperationState.ERROR);
                }
            }
            if (e instanceof VirtualMachineError error && !(e instanceof StackOverflowError)) {
                throw error;
            }
        }
    }

    /** Marks the operation queued for a worker thread. */
    public final boolean submitted()
    {
        return transition(OperationState.PENDING);
    }

    public final void cancel()
    {
        if (transition(OperationState.CANCELED)) {
            operationLog.add("Canceled");
            cancelInternal();
        }
    }

    public final void timeout(Duration timeout)
    {
        if (transition(OperationState.TIMEDOUT)) {
            operationLog.add(format("Timed out after %s seconds", timeout.toSeconds()));
            cancelInternal();
        }
    }

    /** Fails the operation before it ran, e.g. when no worker thread could take it. */
    public final void fail(SluiceException exception)
    {
        synchronized (this) {
            if (!state.isTerminal()) {
                failure = exception;
                setState(OperationState.ERROR);
            }
        }
    }

    public final void close()
    {
        ResultSource toClose;
        boolean wasRunning;
        synchronized (this) {
            if (state == OperationState.CLOSED) {
                return;
            }
            wasRunning = !state.isTerminal();
            setState(OperationState.CLOSED);
            toClose = result;
            result = null;
        }
        if (wasRunning) {
            cancelInternal();
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    private synchronized boolean transition(OperationState next)
    {
        if (!state.canTransitionTo(next)) {
            return false;
        }
        setState(next);
        return true;
    }

    private void setState(OperationState next)
    {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException(format("Operation %s cannot go from %s to %s", queryId, state, next));
        }
        state = next;
        if (next.isTerminal() && completeTime == 0) {
            completeTime = System.currentTimeMillis();
        }
        notifyAll();
    }

    /** Waits up to {@code timeout} for the operation to leave PENDING and RUNNING; returns the state then. */
    public synchronized OperationState awaitCompletion(Duration timeout)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!state.isTerminal()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, remaining);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return state;
    }

    /** The next rows of the result; {@code fromStart} rewinds first. Bounded by {@code result.max-rows}. */
    public final Optional<RowBatch> fetch(int maxRows, boolean fromStart)
    {
        ResultSource source = finishedResult();
        synchronized (source) {
            if (fromStart) {
                source.rewind();
                rowsFetched = 0;
            }
            Optional<RowBatch> batch = source.next(maxRows);
            if (batch.isPresent()) {
                rowsFetched += batch.get().rowCount();
                if (maxResultRows > 0 && rowsFetched > maxResultRows) {
                    throw new SluiceException(ErrorCode.EXCEEDED_RESULT_ROWS,
                            format("The result has more than %s rows, the limit set by result.max-rows", maxResultRows));
                }
            }
            return batch;
        }
    }

    public final List<Column> resultColumns()
    {
        synchronized (this) {
            if (state == OperationState.FINISHED && result == null) {
                return List.of();
            }
        }
        return finishedResult().columns();
    }

    private synchronized ResultSource finishedResult()
    {
        touch();
        return switch (state) {
            case FINISHED -> {
                if (result == null) {
                    throw new SluiceException(ErrorCode.INVALID_OPERATION_STATE, format("Operation %s has no result set", queryId));
                }
                yield result;
            }
            case ERROR -> throw failure;
            case CLOSED -> throw new SluiceException(ErrorCode.INVALID_OPERATION_STATE, format("Operation %s is closed", queryId));
            case CANCELED -> throw new SluiceException(ErrorCode.QUERY_CANCELED, format("Operation %s was canceled", queryId));
            case TIMEDOUT -> throw new SluiceException(ErrorCode.QUERY_TIMEOUT, format("Operation %s timed out", queryId));
            default -> throw new SluiceException(ErrorCode.INVALID_OPERATION_STATE, format("Operation %s is still %s; wait until it has finished", queryId, state));
        };
    }

    protected final void setUpdateCount(long updateCount)
    {
        this.updateCount = updateCount;
    }

    public final void touch()
    {
        lastAccessTime = System.currentTimeMillis();
    }

    public HandleId handle()
    {
        return handle;
    }

    public Session session()
    {
        return session;
    }

    public OperationType type()
    {
        return type;
    }

    public String queryId()
    {
        return queryId;
    }

    public OperationLog log()
    {
        return operationLog;
    }

    public synchronized OperationState state()
    {
        return state;
    }

    public synchronized Optional<SluiceException> failure()
    {
        return Optional.ofNullable(failure);
    }

    /** Whether the operation has a result set: the one it produced once finished, the one it is expected to produce before. */
    public synchronized boolean hasResultSet()
    {
        return result != null || (state != OperationState.FINISHED && state != OperationState.CLOSED && resultSetExpected());
    }

    public long updateCount()
    {
        return updateCount;
    }

    public long createTime()
    {
        return createTime;
    }

    public synchronized long completeTime()
    {
        return completeTime;
    }

    public long lastAccessTime()
    {
        return lastAccessTime;
    }
}
