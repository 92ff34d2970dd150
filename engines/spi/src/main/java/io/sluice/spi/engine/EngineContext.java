package io.sluice.spi.engine;

import java.nio.file.Path;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What an engine is created with.
 *
 * @param properties the engine's own settings, with the {@code engine.<name>.} prefix removed
 * @param dataDirectory a directory the engine may keep its data in ({@code var/<name>} by default)
 */
public record EngineContext(Map<String, String> properties, Path dataDirectory)
{
    public EngineContext
    {
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
        requireNonNull(dataDirectory, "dataDirectory is null");
    }
}
