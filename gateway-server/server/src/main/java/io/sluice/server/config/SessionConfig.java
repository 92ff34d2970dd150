package io.sluice.server.config;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Limits and timeouts of sessions and operations; every limit is enforced.
 *
 * @param maxSessions sessions open at once; more are refused ({@code session.max-sessions})
 * @param maxOperationsPerSession operations open at once in one session ({@code session.max-operations})
 * @param sessionIdleTimeout a session without calls for this long is closed; 0 keeps it ({@code session.idle-timeout})
 * @param operationIdleTimeout a finished operation not fetched for this long is closed; 0 keeps it ({@code operation.idle-timeout})
 * @param checkInterval how often idle sessions and operations are looked for ({@code session.check-interval})
 * @param statusPollTimeout how long {@code GetOperationStatus} waits for a running operation to finish before
 *     answering, sparing clients a busy loop ({@code operation.status-poll-timeout})
 * @param defaultFetchRows rows per fetch that clients are told to use ({@code result.default-fetch-rows})
 * @param maxFetchRows the most rows one fetch returns, whatever the client asks ({@code result.max-fetch-rows})
 * @param maxResultRows the most rows one result may have; 0 for no limit ({@code result.max-rows})
 * @param operationThreads statements executing at once ({@code operation.threads})
 * @param operationQueue statements waiting for a thread; more are refused ({@code operation.queue-size})
 */
public record SessionConfig(
        int maxSessions,
        int maxOperationsPerSession,
        Duration sessionIdleTimeout,
        Duration operationIdleTimeout,
        Duration checkInterval,
        Duration statusPollTimeout,
        int defaultFetchRows,
        int maxFetchRows,
        long maxResultRows,
        int operationThreads,
        int operationQueue)
{
    public static final String MAX_SESSIONS = "session.max-sessions";
    public static final String MAX_OPERATIONS = "session.max-operations";
    public static final String SESSION_IDLE_TIMEOUT = "session.idle-timeout";
    public static final String OPERATION_IDLE_TIMEOUT = "operation.idle-timeout";
    public static final String CHECK_INTERVAL = "session.check-interval";
    public static final String STATUS_POLL_TIMEOUT = "operation.status-poll-timeout";
    public static final String DEFAULT_FETCH_ROWS = "result.default-fetch-rows";
    public static final String MAX_FETCH_ROWS = "result.max-fetch-rows";
    public static final String MAX_RESULT_ROWS = "result.max-rows";
    public static final String OPERATION_THREADS = "operation.threads";
    public static final String OPERATION_QUEUE = "operation.queue-size";

    public SessionConfig
    {
        requireNonNull(sessionIdleTimeout, "sessionIdleTimeout is null");
        requireNonNull(operationIdleTimeout, "operationIdleTimeout is null");
        requireNonNull(checkInterval, "checkInterval is null");
        requireNonNull(statusPollTimeout, "statusPollTimeout is null");
    }

    public static SessionConfig from(Settings settings)
    {
        int maxFetchRows = settings.getInt(MAX_FETCH_ROWS, 100_000, 1, 10_000_000);
        return new SessionConfig(
                settings.getInt(MAX_SESSIONS, 1000, 1, 1_000_000),
                settings.getInt(MAX_OPERATIONS, 1000, 1, 1_000_000),
                settings.getDuration(SESSION_IDLE_TIMEOUT, Duration.ofHours(6)),
                settings.getDuration(OPERATION_IDLE_TIMEOUT, Duration.ofHours(3)),
                settings.getDuration(CHECK_INTERVAL, Duration.ofMinutes(1)),
                settings.getDuration(STATUS_POLL_TIMEOUT, Duration.ofSeconds(1)),
                settings.getInt(DEFAULT_FETCH_ROWS, 10_000, 1, maxFetchRows),
                maxFetchRows,
                settings.getLong(MAX_RESULT_ROWS, 0, 0, Long.MAX_VALUE),
                settings.getInt(OPERATION_THREADS, 64, 1, 10_000),
                settings.getInt(OPERATION_QUEUE, 1000, 0, 1_000_000));
    }
}
