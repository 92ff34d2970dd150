package io.sluice.server.config;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
 * @param userDefaults per user, the session settings every session of the user starts with, before the client's own
 *     ({@code session.defaults.user.<name>.<key>=<value>}, e.g. {@code session.defaults.user.superset.sluice.dialect=hive})
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
        int operationQueue,
        Map<String, Map<String, String>> userDefaults)
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
    public static final String USER_DEFAULTS_PREFIX = "session.defaults.user.";

    public SessionConfig
    {
        requireNonNull(sessionIdleTimeout, "sessionIdleTimeout is null");
        requireNonNull(operationIdleTimeout, "operationIdleTimeout is null");
        requireNonNull(checkInterval, "checkInterval is null");
        requireNonNull(statusPollTimeout, "statusPollTimeout is null");
        Map<String, Map<String, String>> copy = new HashMap<>();
        requireNonNull(userDefaults, "userDefaults is null").forEach((user, defaults) -> copy.put(user, Map.copyOf(defaults)));
        userDefaults = Map.copyOf(copy);
    }

    /** The session settings {@code user}'s sessions start with; none unless configured. */
    public Map<String, String> defaultsFor(String user)
    {
        return userDefaults.getOrDefault(user, Map.of());
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
                settings.getInt(OPERATION_QUEUE, 1000, 0, 1_000_000),
                userDefaults(settings.withPrefix(USER_DEFAULTS_PREFIX)));
    }

    /**
     * {@code <name>.<key>} to the user's settings. The key is what follows the user name: from {@code sluice.} on when
     * it is there (so user names may hold dots), else after the name's first dot.
     */
    private static Map<String, Map<String, String>> userDefaults(Map<String, String> entries)
    {
        Map<String, Map<String, String>> defaults = new HashMap<>();
        entries.forEach((entry, value) -> {
            int split = entry.indexOf(".sluice.");
            split = split >= 0 ? split : entry.indexOf('.');
            if (split <= 0 || split == entry.length() - 1) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT,
                        "Invalid setting " + USER_DEFAULTS_PREFIX + entry + ": expected " + USER_DEFAULTS_PREFIX + "<user>.<key>=<value>");
            }
            defaults.computeIfAbsent(entry.substring(0, split), user -> new HashMap<>()).put(entry.substring(split + 1), value);
        });
        return defaults;
    }
}
