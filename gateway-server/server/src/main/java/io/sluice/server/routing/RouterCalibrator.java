package io.sluice.server.routing;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.metastore.RouterCalibrations;
import io.sluice.router.EngineCalibration;
import io.sluice.router.EngineRouter;
import io.sluice.router.cost.EngineProfile;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.engine.SessionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Measures the router's cost coefficients on every engine that is up ({@code bin/sluice calibrate},
 * {@code POST /api/v1/router/calibrate}) and stores them in the metadata store with the date and machine; the router
 * uses each engine's latest calibration from then on, and from the store at start. The workload, in Spark SQL
 * translated for each engine: {@code SELECT 1} (fixed latency, the median of five runs), {@code SELECT sum(id) FROM
 * range(n)} with n grown tenfold until the scan takes a third of a second (scan throughput per core), and
 * {@code SELECT id FROM range(50000)} read to the end (the cost of a result row).
 */
public final class RouterCalibrator
{
    private static final Logger log = LoggerFactory.getLogger(RouterCalibrator.class);
    private static final int RESULT_ROWS = 50_000;

    /** An engine's calibration, or why it could not be calibrated. */
    public record Result(String engine, Optional<RouterCalibrations.Calibration> calibration, Optional<String> error)
    {
        public Result
        {
            requireNonNull(engine, "engine is null");
            requireNonNull(calibration, "calibration is null");
            requireNonNull(error, "error is null");
        }
    }

    private final EngineRouter router;
    private final Optional<RouterCalibrations> store;

    public RouterCalibrator(EngineRouter router, Optional<RouterCalibrations> store)
    {
        this.router = requireNonNull(router, "router is null");
        this.store = requireNonNull(store, "store is null");
    }

    /** Applies the stored calibrations to the router; at start. */
    public void loadLatest()
    {
        store.ifPresent(calibrations -> {
            try {
                apply(calibrations.latest());
            }
            catch (RuntimeException e) {
                log.warn("Reading the router's calibration failed; the router uses its defaults", e);
            }
        });
    }

    /** Each engine's latest calibration in the store. */
    public Map<String, RouterCalibrations.Calibration> latest()
    {
        return store.map(RouterCalibrations::latest).orElse(Map.of());
    }

    private void apply(Map<String, RouterCalibrations.Calibration> calibrations)
    {
        Map<String, EngineCalibration> measured = new LinkedHashMap<>();
        calibrations.forEach((engine, calibration) -> measured.put(engine, new EngineCalibration(engine, calibration.fixedSeconds(),
                calibration.scanBytesPerCoreSecond(), calibration.secondsPerResultRow())));
        router.applyCalibrations(measured);
    }

    /** Runs the calibration on every engine that is up, stores what it measured and has the router use it. */
    public synchronized List<Result> calibrate()
    {
        Instant now = Instant.now();
        String machine = machine();
        List<Result> results = new ArrayList<>();
        List<RouterCalibrations.Calibration> measured = new ArrayList<>();
        for (Engine engine : router.engines()) {
            EngineHealth health = engine.health();
            if (health.state() != EngineHealth.State.UP) {
                results.add(new Result(engine.name(), Optional.empty(), Optional.of("not calibrated: the engine is down: " + health.message())));
                continue;
            }
            try {
                RouterCalibrations.Calibration calibration = measure(engine, now, machine);
                measured.add(calibration);
                results.add(new Result(engine.name(), Optional.of(calibration), Optional.empty()));
                log.info("Calibrated {}: fixed {} s, scan {} bytes/s per core, {} s per result row", engine.name(), calibration.fixedSeconds(),
                        calibration.scanBytesPerCoreSecond(), calibration.secondsPerResultRow());
            }
            catch (SluiceException e) {
                results.add(new Result(engine.name(), Optional.empty(), Optional.of("not calibrated: " + e.getMessage())));
            }
        }
        if (!measured.isEmpty()) {
            store.ifPresent(calibrations -> calibrations.save(measured));
            Map<String, RouterCalibrations.Calibration> latest = new LinkedHashMap<>(latest());
            measured.forEach(calibration -> latest.put(calibration.engine(), calibration));
            apply(latest);
        }
        return results;
    }

    private RouterCalibrations.Calibration measure(Engine engine, Instant now, String machine)
    {
        Dialect dialect = Dialect.fromName(engine.dialect());
        EngineProfile profile = router.costRouter().profiles().stream().filter(candidate -> candidate.engine().equals(engine.name())).findFirst()
                .orElseGet(() -> router.declaredDefaults(engine.name()));
        try (EngineSession session = engine.openSession(new SessionContext("sluice-calibrate", "default"))) {
            String one = translate("SELECT 1", dialect);
            run(session, one);
            double[] fixedRuns = new double[5];
            for (int i = 0; i < fixedRuns.length; i++) {
                fixedRuns[i] = run(session, one);
            }
            Arrays.sort(fixedRuns);
            double fixed = fixedRuns[fixedRuns.length / 2];

            long rows = 1_000_000;
            double scan;
            while (true) {
                scan = run(session, translate(format("SELECT sum(id) FROM range(%d)", rows), dialect)) - fixed;
                if (scan >= 0.33 || rows >= 1_000_000_000L) {
                    break;
                }
                rows *= 10;
            }
            double scanPerCore = 8.0 * rows / Math.max(scan, 1e-6) / profile.cores();

            double transfer = run(session, translate(format("SELECT id FROM range(%d)", RESULT_ROWS), dialect)) - fixed;
            double perRow = Math.max(transfer, 0) / RESULT_ROWS;
            return new RouterCalibrations.Calibration(now, machine, engine.name(), fixed, scanPerCore, perRow);
        }
    }

    private static String translate(String sparkSql, Dialect dialect)
    {
        return Transpiler.transpile(sparkSql, Dialect.SPARK, dialect, CatalogView.empty(), "default");
    }

    /** Runs a statement, reads every row, and returns the seconds it took. */
    private static double run(EngineSession session, String sql)
    {
        long start = System.nanoTime();
        try (EngineStatement statement = session.createStatement(sql)) {
            if (statement.execute()) {
                for (Optional<RowBatch> batch = statement.nextBatch(10_000); batch.isPresent(); batch = statement.nextBatch(10_000)) {
                    // read to the end
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String machine()
    {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            host = "unknown";
        }
        return format("%s (%d cores)", host, Runtime.getRuntime().availableProcessors());
    }
}
