package io.sluice.server.jobs;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.util.regex.Pattern;

import static java.lang.String.format;

/** The names of jobs, schedules, clusters, storages and groups: letters, digits, '_', '-' and '.', at most 128. */
public final class Names
{
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private Names() {}

    public static String check(String kind, String name)
    {
        if (name == null || !NAME.matcher(name).matches()) {
            String shown = name == null ? "" : name.length() > 64 ? name.substring(0, 64) + "..." : name;
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("Invalid %s name '%s': use letters, digits, '_', '-' and '.' (at most 128, "
                    + "not starting with '-' or '.')", kind, shown));
        }
        return name;
    }
}
