package io.sluice.router;

import static java.util.Objects.requireNonNull;

/**
 * What a calibration measured on an engine; the router's profile of the engine takes these in place of its defaults.
 *
 * @param fixedSeconds the latency of a statement that reads nothing
 * @param scanBytesPerCoreSecond the bytes one core scans per second
 * @param secondsPerResultRow moving one result row from the engine to Sluice
 */
public record EngineCalibration(String engine, double fixedSeconds, double scanBytesPerCoreSecond, double secondsPerResultRow)
{
    public EngineCalibration
    {
        requireNonNull(engine, "engine is null");
        if (!(fixedSeconds >= 0) || !(scanBytesPerCoreSecond > 0) || !(secondsPerResultRow >= 0)) {
            throw new IllegalArgumentException("Invalid calibration of " + engine + ": " + fixedSeconds + ", " + scanBytesPerCoreSecond + ", " + secondsPerResultRow);
        }
    }
}
