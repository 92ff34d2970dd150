package io.sluice.spi.engine;

import java.util.ArrayList;
import java.util.List;

/** Small queries an engine runs about itself, in a session of their own, for the caches the router reads. */
public final class EngineProbes
{
    private EngineProbes() {}

    /** The first column of each row of {@code sql}, as text, run in a session of its own; empty when the engine cannot answer. Never throws. */
    public static List<String> names(Engine engine, String sql)
    {
        try (EngineSession session = engine.openSession(new SessionContext("sluice", "default"))) {
            List<String> names = new ArrayList<>();
            for (Object[] row : session.queryRows(sql)) {
                if (row.length > 0 && row[0] != null) {
                    names.add(row[0].toString());
                }
            }
            return names;
        }
        catch (RuntimeException e) {
            return List.of();
        }
    }
}
