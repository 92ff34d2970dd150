package io.sluice.dialects.functions;

import java.util.Optional;

/**
 * Spark's datetime patterns (those of {@code java.time.format.DateTimeFormatter}: {@code yyyy-MM-dd HH:mm:ss})
 * in DuckDB's strftime/strptime spelling ({@code %Y-%m-%d %H:%M:%S}).
 */
final class DateTimePatterns
{
    private DateTimePatterns() {}

    /**
     * The strftime pattern for a Spark pattern, or empty naming the letter run it cannot express.
     *
     * @param parsing patterns for strptime accept only zero-padded fields
     */
    static Result toStrftime(String pattern, boolean parsing)
    {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    return Result.failure("an unterminated quote");
                }
                if (end == i + 1) {
                    out.append('\'');
                }
                else {
                    out.append(pattern.substring(i + 1, end).replace("%", "%%"));
                }
                i = end + 1;
                continue;
            }
            if (!Character.isLetter(c)) {
                out.append(c == '%' ? "%%" : String.valueOf(c));
                i++;
                continue;
            }
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            Optional<String> field = field(c, run, parsing);
            if (field.isEmpty()) {
                return Result.failure("the pattern letters '" + String.valueOf(c).repeat(run) + "'");
            }
            out.append(field.get());
            i += run;
        }
        return new Result(Optional.of(out.toString()), "");
    }

    private static Optional<String> field(char letter, int run, boolean parsing)
    {
        String padded;
        String unpadded;
        switch (letter) {
            case 'y' -> {
                return Optional.of(run == 2 ? "%y" : "%Y");
            }
            case 'u' -> {
                // Hive's (SimpleDateFormat's) day number of the week, Monday 1 to Sunday 7; Spark refuses it before Sluice gets here.
                return run == 1 && !parsing ? Optional.of("%u") : Optional.empty();
            }
            case 'M', 'L' -> {
                if (run == 3) {
                    return Optional.of("%b");
                }
                if (run >= 4) {
                    return Optional.of("%B");
                }
                padded = "%m";
                unpadded = "%-m";
            }
            case 'd' -> {
                padded = "%d";
                unpadded = "%-d";
            }
            case 'D' -> {
                padded = "%j";
                unpadded = run == 3 ? "%j" : "%-j";
            }
            case 'H' -> {
                padded = "%H";
                unpadded = "%-H";
            }
            case 'h' -> {
                padded = "%I";
                unpadded = "%-I";
            }
            case 'm' -> {
                padded = "%M";
                unpadded = "%-M";
            }
            case 's' -> {
                padded = "%S";
                unpadded = "%-S";
            }
            case 'S' -> {
                return switch (run) {
                    case 3 -> Optional.of("%g");
                    case 6 -> Optional.of("%f");
                    case 9 -> Optional.of("%n");
                    default -> Optional.empty();
                };
            }
            case 'a' -> {
                return Optional.of("%p");
            }
            case 'E' -> {
                return Optional.of(run >= 4 ? "%A" : "%a");
            }
            default -> {
                return Optional.empty();
            }
        }
        if (run > 2) {
            return Optional.empty();
        }
        return Optional.of(run == 2 || parsing ? padded : unpadded);
    }

    /** Whether the pattern has the letter outside its quoted text. */
    static boolean hasLetter(String pattern, char letter)
    {
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            else if (c == letter && !quoted) {
                return true;
            }
        }
        return false;
    }

    /** The pattern with one letter replaced by another outside its quoted text. */
    static String replaceLetter(String pattern, char letter, char replacement)
    {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(c == letter && !quoted ? replacement : c);
        }
        return out.toString();
    }

    /** A converted pattern, or the reason it cannot be converted. */
    record Result(Optional<String> pattern, String problem)
    {
        static Result failure(String problem)
        {
            return new Result(Optional.empty(), problem);
        }
    }
}
