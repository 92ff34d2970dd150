package io.sluice.metastore;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The router's calibrations in the metadata store: what each run measured on each engine, with its date and machine. */
public final class RouterCalibrations
{
    /**
     * One engine's measured coefficients.
     *
     * @param fixedSeconds the engine's latency for a statement that reads nothing
     * @param scanBytesPerCoreSecond the bytes one core scans per second
     * @param secondsPerResultRow moving one result row from the engine to Sluice
     */
    public record Calibration(Instant calibratedAt, String machine, String engine, double fixedSeconds, double scanBytesPerCoreSecond, double secondsPerResultRow)
    {
        public Calibration
        {
            requireNonNull(calibratedAt, "calibratedAt is null");
            requireNonNull(machine, "machine is null");
            requireNonNull(engine, "engine is null");
        }
    }

    private final Metastore store;

    public RouterCalibrations(Metastore store)
    {
        this.store = requireNonNull(store, "store is null");
    }

    /** Stores one run's results, all or nothing. */
    public void save(List<Calibration> calibrations)
    {
        try (Connection connection = store.connection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_router_calibration "
                    + "(calibrated_at, machine, engine, fixed_seconds, scan_bytes_per_core_second, seconds_per_result_row) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Calibration calibration : calibrations) {
                    insert.setTimestamp(1, Timestamp.from(calibration.calibratedAt()));
                    insert.setString(2, calibration.machine());
                    insert.setString(3, calibration.engine());
                    insert.setDouble(4, calibration.fixedSeconds());
                    insert.setDouble(5, calibration.scanBytesPerCoreSecond());
                    insert.setDouble(6, calibration.secondsPerResultRow());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
            catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot store the router's calibration: " + e.getMessage(), e);
        }
    }

    /** Each engine's latest calibration. */
    public Map<String, Calibration> latest()
    {
        String sql = "SELECT calibrated_at, machine, engine, fixed_seconds, scan_bytes_per_core_second, seconds_per_result_row FROM sluice_router_calibration "
                + "ORDER BY calibrated_at DESC";
        try (Connection connection = store.connection(); PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            Map<String, Calibration> latest = new LinkedHashMap<>();
            while (rows.next()) {
                latest.putIfAbsent(rows.getString(3), new Calibration(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3),
                        rows.getDouble(4), rows.getDouble(5), rows.getDouble(6)));
            }
            return latest;
        }
        catch (SQLException e) {
            throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Cannot read the router's calibration: " + e.getMessage(), e);
        }
    }
}
