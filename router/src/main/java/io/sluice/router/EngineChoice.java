package io.sluice.router;

import io.sluice.spi.engine.Engine;

import static java.util.Objects.requireNonNull;

/** The engine chosen for a statement and why, in words for the operation log and {@code EXPLAIN ROUTE}. */
public record EngineChoice(Engine engine, String reason)
{
    public EngineChoice
    {
        requireNonNull(engine, "engine is null");
        requireNonNull(reason, "reason is null");
    }
}
