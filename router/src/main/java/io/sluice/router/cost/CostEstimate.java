package io.sluice.router.cost;

import java.util.Locale;

import static java.lang.String.format;

/**
 * A statement's estimated time on one engine, in seconds, and its terms.
 *
 * @param fixed planning and scheduling, plus start-up when the engine is cold
 * @param scan bytes scanned after pruning ÷ the engine's scan throughput
 * @param compute joins, aggregation and sorting, as factors of the scan
 * @param transfer moving the result rows to Sluice
 * @param queue waiting behind the statements running or queued on the engine
 * @param history the factor that what statements of the same shape took on the engine applies to the sum (1 without history)
 */
public record CostEstimate(double fixed, double scan, double compute, double transfer, double queue, double history)
{
    public CostEstimate(double fixed, double scan, double compute, double transfer, double queue)
    {
        this(fixed, scan, compute, transfer, queue, 1);
    }

    public double total()
    {
        return (fixed + scan + compute + transfer + queue) * history;
    }

    /** The same estimate, corrected by a factor from history. */
    public CostEstimate corrected(double factor)
    {
        return new CostEstimate(fixed, scan, compute, transfer, queue, factor);
    }

    /** The terms in words, for EXPLAIN ROUTE and the operation log. */
    public String terms()
    {
        String sum = format(Locale.ROOT, "fixed %s + scan %s + compute %s + transfer %s + queue %s",
                seconds(fixed), seconds(scan), seconds(compute), seconds(transfer), seconds(queue));
        return history == 1 ? sum : format(Locale.ROOT, "(%s) x history %.3f", sum, history);
    }

    public static String seconds(double value)
    {
        return format(Locale.ROOT, "%.4fs", value);
    }
}
