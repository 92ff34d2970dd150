package io.sluice.router;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of the router's decisions per engine and of failovers per pair of engines, for {@code /metrics}. */
public final class RoutingMetrics
{
    private final Map<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failovers = new ConcurrentHashMap<>();

    public void chosen(String engine)
    {
        decisions.computeIfAbsent(engine, key -> new LongAdder()).increment();
    }

    public void failedOver(String from, String to)
    {
        failovers.computeIfAbsent(from + "\u0000" + to, key -> new LongAdder()).increment();
    }

    /** The counters in Prometheus' text exposition format. */
    public String prometheus()
    {
        StringBuilder text = new StringBuilder();
        text.append("# HELP sluice_router_decisions_total Statements the router sent to each engine.\n");
        text.append("# TYPE sluice_router_decisions_total counter\n");
        new TreeMap<>(decisions).forEach((engine, count) -> text.append("sluice_router_decisions_total{engine=\"").append(engine).append("\"} ").append(count.sum()).append('\n'));
        text.append("# HELP sluice_router_failovers_total Read-only statements run on another engine after their engine failed.\n");
        text.append("# TYPE sluice_router_failovers_total counter\n");
        new TreeMap<>(failovers).forEach((pair, count) -> {
            String[] engines = pair.split("\u0000");
            text.append("sluice_router_failovers_total{from=\"").append(engines[0]).append("\",to=\"").append(engines[1]).append("\"} ").append(count.sum()).append('\n');
        });
        return text.toString();
    }
}
