package io.sluice.spi.engine;

import static java.util.Objects.requireNonNull;

/**
 * A remote engine's version as its last health probe read it, so that asking for the version costs no round trip;
 * the first question before any probe runs one.
 */
public final class ProbedVersion
{
    public static final String UNKNOWN = "unknown";

    private volatile String version = UNKNOWN;

    /** The version the last probe read; runs {@code probe} (which should call {@link #set}) if none has yet. */
    public String get(Runnable probe)
    {
        if (version.equals(UNKNOWN)) {
            probe.run();
        }
        return version;
    }

    public void set(String version)
    {
        this.version = requireNonNull(version, "version is null");
    }
}
