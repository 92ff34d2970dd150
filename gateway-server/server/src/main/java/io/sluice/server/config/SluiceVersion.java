package io.sluice.server.config;

/** Sluice's own version, from the jar's manifest when packaged. */
public final class SluiceVersion
{
    public static final String VERSION = version();

    private SluiceVersion() {}

    private static String version()
    {
        String version = SluiceVersion.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
