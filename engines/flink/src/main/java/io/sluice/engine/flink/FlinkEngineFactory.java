package io.sluice.engine.flink;

import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineFactory;

/** Creates the Flink engine from {@code engine.flink.*} settings. */
public final class FlinkEngineFactory
        implements EngineFactory
{
    public static final String NAME = "flink";

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public Engine create(EngineContext context)
    {
        return new FlinkEngine(FlinkConfig.from(context.properties()));
    }
}
