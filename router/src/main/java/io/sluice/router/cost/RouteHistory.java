package io.sluice.router.cost;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What statements of the same shape (fingerprint) actually took on each engine, as ratios of actual to estimated
 * seconds: the router multiplies its next estimate for that shape and engine by the median of the last
 * {@value #WINDOW} ratios (as Uber's Presto routing and BigDAWG learn from history). Bounded: the
 * {@value #MAX_FINGERPRINTS} most recently used shapes are kept.
 */
public final class RouteHistory
        implements CostCorrections.Source
{
    public static final int WINDOW = 16;
    public static final int MAX_FINGERPRINTS = 10_000;
    private static final double MIN_FACTOR = 1e-3;
    private static final double MAX_FACTOR = 1e3;

    private final Map<String, Map<String, Deque<Double>>> ratios = new LinkedHashMap<>(1024, 0.75f, true)
    {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Deque<Double>>> eldest)
        {
            return size() > MAX_FINGERPRINTS;
        }
    };

    /** Records a run; runs without an estimate or time, or with a zero estimate, teach nothing. */
    public synchronized void record(String fingerprint, String engine, double estimatedSeconds, double actualSeconds)
    {
        if (!(estimatedSeconds > 0) || !(actualSeconds >= 0) || Double.isInfinite(actualSeconds)) {
            return;
        }
        Deque<Double> runs = ratios.computeIfAbsent(fingerprint, key -> new LinkedHashMap<>()).computeIfAbsent(engine, key -> new ArrayDeque<>());
        runs.addLast(Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, actualSeconds / estimatedSeconds)));
        while (runs.size() > WINDOW) {
            runs.removeFirst();
        }
    }

    /** The median ratio of the shape's last runs on the engine, if it ran there. */
    public synchronized OptionalDouble factor(String fingerprint, String engine)
    {
        Map<String, Deque<Double>> byEngine = ratios.get(fingerprint);
        Deque<Double> runs = byEngine == null ? null : byEngine.get(engine);
        if (runs == null || runs.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = runs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    /** How many runs of the shape on the engine the factor rests on. */
    public synchronized int runs(String fingerprint, String engine)
    {
        Map<String, Deque<Double>> byEngine = ratios.get(fingerprint);
        Deque<Double> runs = byEngine == null ? null : byEngine.get(engine);
        return runs == null ? 0 : runs.size();
    }

    @Override
    public CostCorrections forStatement(String fingerprint)
    {
        return engine -> factor(fingerprint, engine);
    }
}
