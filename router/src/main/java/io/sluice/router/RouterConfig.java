package io.sluice.router;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Which engines the server loads and which one answers when nothing is pinned.
 *
 * @param engines the engines to create at start, in order ({@code router.engines}, default {@code duckdb})
 * @param defaultEngine the engine whose own catalog is every session's catalog (unqualified names outside the
 *     lakehouse), which answers session commands when nothing is pinned and wins ties between equal estimates
 *     ({@code router.default-engine}, default the first of {@code engines})
 */
public record RouterConfig(List<String> engines, String defaultEngine)
{
    public static final String ENGINES = "router.engines";
    public static final String DEFAULT_ENGINE = "router.default-engine";

    public RouterConfig
    {
        engines = List.copyOf(requireNonNull(engines, "engines is null"));
        requireNonNull(defaultEngine, "defaultEngine is null");
        if (engines.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s: at least one engine is needed", ENGINES));
        }
        if (!engines.contains(defaultEngine)) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid setting %s=%s: not one of %s=%s", DEFAULT_ENGINE, defaultEngine, ENGINES, String.join(",", engines)));
        }
    }

    /** Parses the two settings; {@code defaultEngine} may be null. */
    public static RouterConfig from(String engineList, String defaultEngine)
    {
        List<String> engines = Arrays.stream(Optional.ofNullable(engineList).orElse("duckdb").split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        String chosenDefault = Optional.ofNullable(defaultEngine)
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .orElse(engines.isEmpty() ? "" : engines.get(0));
        return new RouterConfig(engines, chosenDefault);
    }
}
