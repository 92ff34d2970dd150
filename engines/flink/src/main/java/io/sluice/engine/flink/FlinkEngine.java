package io.sluice.engine.flink;

import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineProbes;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.ProbedVersion;
import io.sluice.spi.engine.SessionContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * Flink through its SQL Gateway. Sluice keeps no connection: each Sluice session opens a gateway session at its
 * first Flink statement; health asks the gateway for its version.
 */
public final class FlinkEngine
        implements Engine
{
    /** Flink's default catalog keeps Sluice's {@code default} database as {@code default_database}. */
    static final String DEFAULT_DATABASE = "default_database";

    private final FlinkConfig config;
    private final FlinkGatewayClient client;
    private final Set<FlinkSession> sessions = ConcurrentHashMap.newKeySet();
    private final ProbedVersion version = new ProbedVersion();

    FlinkEngine(FlinkConfig config)
    {
        this.config = requireNonNull(config, "config is null");
        this.client = new FlinkGatewayClient(config.endpoint(), config.requestTimeout());
    }

    @Override
    public String name()
    {
        return FlinkEngineFactory.NAME;
    }

    /** The version the last health probe read; probes once if none has run yet. */
    @Override
    public String version()
    {
        return version.get(this::health);
    }

    @Override
    public String endpoint()
    {
        return config.endpoint().toString();
    }

    @Override
    public String schemaName(String database)
    {
        return database.equalsIgnoreCase("default") ? DEFAULT_DATABASE : database;
    }

    @Override
    public EngineSession openSession(SessionContext context)
    {
        FlinkSession session = new FlinkSession(client, config.catalog(), sessions::remove, this::schemaName);
        try {
            session.open(context.database());
        }
        catch (RuntimeException e) {
            // No catalog or no such database: the gateway session must not outlive the failed open.
            session.close();
            throw e;
        }
        sessions.add(session);
        return session;
    }

    /** Flink's catalogs, {@code SHOW CATALOGS}. */
    @Override
    public List<String> catalogs()
    {
        return EngineProbes.names(this, "SHOW CATALOGS");
    }

    /** A streaming INSERT answers one row, the Flink job's id, in Flink's column {@code job id}. */
    @Override
    public Optional<String> detachedJob(List<Column> columns, Object[] firstRow)
    {
        if (columns.size() == 1 && columns.get(0).name().equalsIgnoreCase("job id") && firstRow != null && firstRow.length == 1 && firstRow[0] != null) {
            return Optional.of(firstRow[0].toString());
        }
        return Optional.empty();
    }

    /** The job's status in Flink's {@code SHOW JOBS}: RUNNING (also for CREATED, RESTARTING, ...), FINISHED, FAILED or CANCELED. */
    @Override
    public Optional<String> detachedJobState(String jobId)
    {
        checkJobId(jobId);
        try (EngineSession session = openSession(new SessionContext("sluice", "default"))) {
            for (Object[] row : session.queryRows("SHOW JOBS")) {
                if (jobId.equals(String.valueOf(row[0]))) {
                    String status = String.valueOf(row[2]).toUpperCase(java.util.Locale.ROOT);
                    return Optional.of(switch (status) {
                        case "FINISHED", "FAILED", "CANCELED" -> status;
                        case "CANCELLING" -> "RUNNING";
                        default -> "RUNNING";
                    });
                }
            }
            return Optional.empty();
        }
    }

    /** {@code STOP JOB 'id'}: Flink cancels the job. */
    @Override
    public void stopDetachedJob(String jobId)
    {
        checkJobId(jobId);
        try (EngineSession session = openSession(new SessionContext("sluice", "default"))) {
            session.queryRows("STOP JOB '" + jobId + "'");
        }
    }

    private static void checkJobId(String jobId)
    {
        if (!jobId.matches("[0-9a-f]{32}")) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Not a Flink job id: " + jobId);
        }
    }

    /** Flink's batch mode through the SQL Gateway: a second per statement, slower joins and aggregation, results by REST; it writes lakehouse tables (Iceberg's Flink sink appends and overwrites) but runs no row-level changes on them. */
    public static final Map<String, String> ROUTER_PROFILE = Map.of(
            "memory-per-worker", "2e9", "scan-throughput-per-core", "80e6", "fixed-latency", "1.0", "join-factor", "0.6",
            "aggregate-factor", "0.4", "sort-factor", "0.5", "result-row-cost", "1e-5", "slots", "2", "writes-lakehouse", "true",
            "row-level-lakehouse", "false");

    @Override
    public Map<String, String> routerProfile()
    {
        return ROUTER_PROFILE;
    }

    @Override
    public EngineHealth health()
    {
        try {
            FlinkGatewayClient.Info info = client.info();
            version.set(info.version());
            return EngineHealth.up(sessions.stream().mapToInt(FlinkSession::runningStatements).sum(), 0);
        }
        catch (SluiceException e) {
            return EngineHealth.down(e.getMessage());
        }
    }

    @Override
    public void close()
    {
        for (FlinkSession session : sessions) {
            session.close();
        }
    }
}
