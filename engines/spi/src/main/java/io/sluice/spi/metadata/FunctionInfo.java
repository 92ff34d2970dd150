package io.sluice.spi.metadata;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A function the engine offers. */
public record FunctionInfo(String name, Kind kind, Optional<String> description)
{
    public enum Kind
    {
        SCALAR,
        AGGREGATE,
        WINDOW,
        TABLE,
    }

    public FunctionInfo
    {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
    }
}
