package io.sluice.server.routing;

import io.sluice.metastore.QueryHistory;
import io.sluice.router.cost.RouteHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Records every executed statement in the query history (written in the background, so the metadata store is never on
 * a statement's path) and teaches the router what statements of each shape took ({@link RouteHistory}, seeded from
 * the history at start). The history keeps the newest {@code history.max-queries} statements.
 */
public final class QueryRecorder
        implements AutoCloseable
{
    public static final String MAX_QUERIES = "history.max-queries";
    public static final int DEFAULT_MAX_QUERIES = 100_000;

    private static final Logger log = LoggerFactory.getLogger(QueryRecorder.class);
    private static final int SEED_QUERIES = 10_000;
    private static final int PRUNE_EVERY = 1_000;

    private final Optional<QueryHistory> history;
    private final RouteHistory routeHistory = new RouteHistory();
    private final int maxQueries;
    private final ThreadPoolExecutor writer;
    private final AtomicLong written = new AtomicLong();

    /** @param history the store's history; empty keeps only the router's in-memory history (tests of other parts) */
    public QueryRecorder(Optional<QueryHistory> history, int maxQueries)
    {
        this.history = requireNonNull(history, "history is null");
        this.maxQueries = maxQueries;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), runnable -> {
            Thread thread = new Thread(runnable, "sluice-query-history");
            thread.setDaemon(true);
            return thread;
        }, (runnable, executor) -> log.warn("The query history is behind by 10000 statements; one was not recorded"));
        history.ifPresent(this::seed);
    }

    private void seed(QueryHistory store)
    {
        try {
            List<QueryHistory.QueryRecord> recent = store.recent(SEED_QUERIES, Optional.empty());
            // Oldest first, so each shape keeps its latest runs.
            for (int i = recent.size() - 1; i >= 0; i--) {
                QueryHistory.QueryRecord record = recent.get(i);
                if (record.state().equals("FINISHED") && record.engine().isPresent() && record.estimatedSeconds().isPresent() && record.actualSeconds().isPresent()) {
                    routeHistory.record(record.fingerprint(), record.engine().get(), record.estimatedSeconds().getAsDouble(), record.actualSeconds().getAsDouble());
                }
            }
        }
        catch (RuntimeException e) {
            log.warn("Reading the query history failed; the router starts without it", e);
        }
    }

    /** The router's view of the history: corrections per statement shape. */
    public RouteHistory routeHistory()
    {
        return routeHistory;
    }

    /** The newest statements of the history, newest first (what was written so far); empty without a store. */
    public List<QueryHistory.QueryRecord> recent(int limit)
    {
        return recent(limit, Optional.empty());
    }

    /** The same, of one user's statements when {@code user} is given. */
    public List<QueryHistory.QueryRecord> recent(int limit, Optional<String> user)
    {
        flush();
        return history.map(store -> store.recent(limit, user)).orElse(List.of());
    }

    public void record(QueryHistory.QueryRecord record)
    {
        if (record.state().equals("FINISHED") && record.engine().isPresent() && record.estimatedSeconds().isPresent() && record.actualSeconds().isPresent()) {
            routeHistory.record(record.fingerprint(), record.engine().get(), record.estimatedSeconds().getAsDouble(), record.actualSeconds().getAsDouble());
        }
        if (history.isEmpty()) {
            return;
        }
        writer.execute(() -> {
            try {
                history.get().record(record);
                if (written.incrementAndGet() % PRUNE_EVERY == 0) {
                    history.get().prune(maxQueries);
                }
            }
            catch (RuntimeException e) {
                log.warn("Recording query {} in the history failed", record.queryId(), e);
            }
        });
    }

    /** Waits until every statement recorded so far is written; for tests and shutdown. */
    public void flush()
    {
        try {
            writer.submit(() -> {}).get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            log.warn("Flushing the query history failed", e);
        }
    }

    @Override
    public void close()
    {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
