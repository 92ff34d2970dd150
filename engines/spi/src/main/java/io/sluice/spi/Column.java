package io.sluice.spi;

import io.sluice.spi.type.SluiceType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A column of a result: its name, type and optional comment. */
public record Column(String name, SluiceType type, Optional<String> comment)
{
    public Column
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(comment, "comment is null");
    }

    public Column(String name, SluiceType type)
    {
        this(name, type, Optional.empty());
    }
}
