package io.sluice.benchmarks;

/**
 * Sluice against an engine's own client, in one run: the medians of a small query's latency, alternated after a
 * warm-up so that the machine's noise hurts both alike, and the best of several rounds of a large fetch.
 */
public record HeadToHead(double sluiceMedianMillis, double directMedianMillis, double sluiceRowsPerSecond, double directRowsPerSecond)
{
    /** One timed action; throws if its answer is wrong. */
    public interface Action
    {
        void run()
                throws Exception;
    }

    /** A large fetch; returns rows per second, throws if the rows are wrong. */
    public interface Fetch
    {
        double rowsPerSecond()
                throws Exception;
    }

    public double latencyRatio()
    {
        return sluiceMedianMillis / directMedianMillis;
    }

    public double fetchRatio()
    {
        return sluiceRowsPerSecond / directRowsPerSecond;
    }

    public static HeadToHead measure(int iterations, int fetchRounds, Action sluiceQuery, Action directQuery, Fetch sluiceFetch, Fetch directFetch)
            throws Exception
    {
        double[] sluice = new double[iterations];
        double[] direct = new double[iterations];
        for (int i = 0; i < Math.max(5, iterations / 5); i++) {
            sluiceQuery.run();
            directQuery.run();
        }
        for (int i = 0; i < iterations; i++) {
            sluice[i] = millis(sluiceQuery);
            direct[i] = millis(directQuery);
        }
        double sluiceRows = 0;
        double directRows = 0;
        for (int round = 0; round < fetchRounds; round++) {
            sluiceRows = Math.max(sluiceRows, sluiceFetch.rowsPerSecond());
            directRows = Math.max(directRows, directFetch.rowsPerSecond());
        }
        return new HeadToHead(BenchmarkGatewayEndToEnd.percentile(sluice, 0.5), BenchmarkGatewayEndToEnd.percentile(direct, 0.5), sluiceRows, directRows);
    }

    /** The median latency of one path alone, after the same warm-up. */
    public static double medianMillis(int iterations, Action query)
            throws Exception
    {
        double[] latencies = new double[iterations];
        for (int i = 0; i < Math.max(5, iterations / 5); i++) {
            query.run();
        }
        for (int i = 0; i < iterations; i++) {
            latencies[i] = millis(query);
        }
        return BenchmarkGatewayEndToEnd.percentile(latencies, 0.5);
    }

    private static double millis(Action action)
            throws Exception
    {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
