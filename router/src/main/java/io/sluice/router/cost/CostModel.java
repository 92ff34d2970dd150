package io.sluice.router.cost;

import java.util.Comparator;

/**
 * Estimated seconds of a statement on an engine: fixed latency (plus start-up when cold) + bytes scanned after
 * pruning ÷ the engine's scan throughput + join, aggregation and sort factors of the scan + result transfer +
 * queueing behind the engine's running and queued statements. Coefficients come from the engine's profile.
 */
public final class CostModel
{
    private CostModel() {}

    public static CostEstimate estimate(StatementProfile statement, EngineProfile profile, EngineState state)
    {
        double fixed = profile.fixedSeconds() + (state.cold() ? profile.startupSeconds() : 0);
        double scan = statement.scannedBytes() / profile.scanBytesPerSecond();
        double factor = statement.joins() * profile.joinFactor()
                + (statement.aggregates() ? profile.aggregateFactor() : 0)
                + (statement.sorts() ? profile.sortFactor() : 0);
        double compute = scan * factor;
        double transfer = resultRows(statement) * profile.secondsPerResultRow();
        int waiting = state.running() + state.queued() + 1 - profile.slots();
        double queue = waiting > 0 ? (double) waiting / profile.slots() * (fixed + scan + compute) : 0;
        return new CostEstimate(fixed, scan, compute, transfer, queue);
    }

    /** The rows the statement returns: its LIMIT, one row for a global aggregate, about √rows for grouped ones, else the rows scanned. */
    public static double resultRows(StatementProfile statement)
    {
        if (statement.kind() != StatementKind.QUERY) {
            return 0;
        }
        double rows = statement.scannedRows();
        if (statement.aggregates()) {
            rows = statement.groups() ? Math.max(1, Math.sqrt(rows)) : 1;
        }
        if (statement.limit().isPresent()) {
            rows = Math.min(rows, statement.limit().getAsLong());
        }
        return rows;
    }

    /**
     * The bytes the statement holds in memory at once: the build sides of its joins (all but the largest input), the
     * whole input of a sort without LIMIT, a fifth of the input of a grouped aggregate.
     */
    public static double workingSetBytes(StatementProfile statement)
    {
        double total = statement.scannedBytes();
        double workingSet = 0;
        if (statement.joins() > 0) {
            double largest = statement.tables().stream().map(table -> table.bytes().orElse(0)).max(Comparator.naturalOrder()).orElse(0.0);
            workingSet += total - largest;
        }
        if (statement.sorts() && statement.limit().isEmpty()) {
            workingSet += total;
        }
        if (statement.groups()) {
            workingSet += 0.2 * total;
        }
        return workingSet;
    }
}
