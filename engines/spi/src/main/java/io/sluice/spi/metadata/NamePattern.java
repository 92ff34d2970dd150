package io.sluice.spi.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name pattern as JDBC metadata calls and Hive use them: {@code %} and {@code *} match any run of characters,
 * {@code _} one character, a backslash escapes the next character, and a missing (null) or empty pattern matches
 * every name. Matching ignores case, as Hive's identifiers do.
 */
public final class NamePattern
{
    private static final NamePattern ANY = new NamePattern(null, null);

    private final String exactName;
    private final Pattern pattern;

    private NamePattern(String exactName, Pattern pattern)
    {
        this.exactName = exactName;
        this.pattern = pattern;
    }

    public static NamePattern any()
    {
        return ANY;
    }

    /** A pattern that matches exactly {@code name}. */
    public static NamePattern exact(String name)
    {
        return new NamePattern(name, null);
    }

    /** Parses a JDBC pattern; {@code null}, empty, {@code %} and {@code *} match everything. */
    public static NamePattern parse(String jdbcPattern)
    {
        if (jdbcPattern == null || jdbcPattern.isEmpty() || jdbcPattern.equals("%") || jdbcPattern.equals("*")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean wildcard = false;
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                char next = jdbcPattern.charAt(++i);
                regex.append(Pattern.quote(String.valueOf(next)));
                literal.append(next);
            }
            else if (c == '%' || c == '*') {
                regex.append(".*");
                wildcard = true;
            }
            else if (c == '_') {
                regex.append('.');
                wildcard = true;
            }
            else {
                regex.append(Pattern.quote(String.valueOf(c)));
                literal.append(c);
            }
        }
        if (!wildcard) {
            return exact(literal.toString());
        }
        return new NamePattern(null, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    public boolean matches(String name)
    {
        if (exactName != null) {
            return exactName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
        }
        return pattern == null || pattern.matcher(name).matches();
    }

    /** The one name this pattern matches, when it has no wildcard; lets engines push the lookup down. */
    public Optional<String> exactName()
    {
        return Optional.ofNullable(exactName);
    }

    @Override
    public String toString()
    {
        if (exactName != null) {
            return exactName;
        }
        return pattern == null ? "%" : pattern.pattern();
    }
}
