package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's name and version, from the build (driver.properties, filtered by Maven). */
final class DriverVersion
{
    static final String NAME = "Sluice JDBC driver";
    static final String VERSION;
    static final int MAJOR;
    static final int MINOR;

    static {
        String version = "unknown";
        try (InputStream input = DriverVersion.class.getResourceAsStream("driver.properties")) {
            if (input != null) {
                Properties properties = new Properties();
                properties.load(input);
                version = properties.getProperty("version", version);
            }
        }
        catch (IOException e) {
            // Reported as "unknown".
        }
        VERSION = version;
        MAJOR = part(version, 0);
        MINOR = part(version, 1);
    }

    private DriverVersion() {}

    /** The n-th dot-separated number of a version ("1.9.2-SNAPSHOT" → 1, 9, 2); 0 where there is none. */
    static int part(String version, int index)
    {
        String[] parts = version.split("[.-]");
        if (index >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[index].replaceAll("[^0-9].*$", ""));
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
