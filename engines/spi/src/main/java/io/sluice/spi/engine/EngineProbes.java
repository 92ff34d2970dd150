package io.sluice.spi.engine;

import java.util.ArrayList;
import java.util.List;

/** Small queries an engine runs about itself, in a session of their own, for the caches the router reads. */
public final class EngineProbes
{
    private EngineProbes() {}

    /** Each row of {@code sql}, its columns as text (null as empty); empty when the engine cannot answer. Never throws. */
    public static List<List<String>> rows(Engine engine, String sql)
    {
        try (EngineSession session = engine.openSession(new SessionContext("sluice", "default"))) {
            List<List<String>> rows = new ArrayList<>();
            for (Object[] row : session.queryRows(sql)) {
                List<String> values = new ArrayList<>();
                for (Object value : row) {
                    values.add(value == null ? "" : value.toString());
                }
                rows.add(values);
            }
            return rows;
        }
        catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The first column of each row of {@code sql}; empty when the engine cannot answer. Never throws. */
    public static List<String> names(Engine engine, String sql)
    {
        return rows(engine, sql).stream().filter(row -> !row.isEmpty()).map(row -> row.get(0)).toList();
    }
}
