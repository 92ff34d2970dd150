package io.sluice.router.cost;

/**
 * A statement's estimated time on one engine, in seconds, and its terms.
 *
 * @param fixed planning and scheduling, plus start-up when the engine is cold
 * @param scan bytes scanned after pruning ÷ the engine's scan throughput
 * @param compute joins, aggregation and sorting, as factors of the scan
 * @param transfer moving the result rows to Sluice
 * @param queue waiting behind the statements running or queued on the engine
 */
public record CostEstimate(double fixed, double scan, double compute, double transfer, double queue)
{
    public double total()
    {
        return fixed + scan + compute + transfer + queue;
    }

    /** The terms in words, for EXPLAIN ROUTE and the operation log. */
    public String terms()
    {
        return String.format(java.util.Locale.ROOT, "fixed %s + scan %s + compute %s + transfer %s + queue %s",
                seconds(fixed), seconds(scan), seconds(compute), seconds(transfer), seconds(queue));
    }

    public static String seconds(double value)
    {
        return String.format(java.util.Locale.ROOT, "%.4fs", value);
    }
}
