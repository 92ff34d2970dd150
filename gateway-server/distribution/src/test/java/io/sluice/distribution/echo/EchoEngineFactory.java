package io.sluice.distribution.echo;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;

/**
 * A plugin for the distribution's tests, assembled by {@code TestDistribution} into {@code plugins/echo/} with Guava
 * and Jackson in versions the core does not have: each statement is answered with one row telling which jar served
 * those libraries inside the plugin, the thread's context class loader during the call, and the statement as the
 * plugin received it (translated to DuckDB's dialect, which it declares).
 */
public final class EchoEngineFactory
        implements EngineFactory
{
    @Override
    public String name()
    {
        return "echo";
    }

    @Override
    public Engine create(EngineContext context)
    {
        return new EchoEngine();
    }
}
