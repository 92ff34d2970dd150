package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Collections.unmodifiableMap;
import static java.util.Objects.requireNonNull;

/**
 * Sluice's statements about jobs, schedules, clusters, storages and interactive groups: {@code SHOW JOBS}, {@code DESCRIBE
 * JOB id}, {@code CANCEL JOB id}, {@code SHOW JOB LOGS id}, {@code CREATE CLUSTER name TYPE t WITH (...)}, {@code ALTER
 * CLUSTER}, {@code DROP CLUSTER|STORAGE|GROUP|SCHEDULE}, {@code PAUSE|RESUME SCHEDULE}, {@code CREATE STORAGE},
 * {@code CREATE GROUP}, {@code CREATE TOKEN name [EXPIRES 'ts']}, {@code DROP TOKEN}, {@code SHOW TOKENS}, {@code SHOW AUDIT}, and
 * their {@code SHOW}s. {@code SUBMIT JOB} and {@code CREATE SCHEDULE} carry a statement and
 * have nodes of their own ({@link SqlSubmitJob}, {@link SqlCreateSchedule}).
 */
public final class SqlManagement
        extends SqlStatement
{
    /** What the statement does. */
    public enum Verb
    {
        SHOW, DESCRIBE, CANCEL, SHOW_LOGS, CREATE, ALTER, DROP, PAUSE, RESUME
    }

    /** What it does it to. */
    public enum Noun
    {
        JOB, SCHEDULE, CLUSTER, STORAGE, GROUP, TOKEN, AUDIT
    }

    private final Verb verb;
    private final Noun noun;
    private final Optional<String> name;
    private final Optional<String> type;
    private final Optional<String> engine;
    private final Map<String, String> properties;
    private final Optional<String> pattern;
    private final OptionalInt limit;
    private final boolean ifExists;

    public SqlManagement(SqlParserPos pos, Verb verb, Noun noun, String name, String type, String engine, Map<String, String> properties, String pattern,
            Integer limit, boolean ifExists)
    {
        super(pos, verb == Verb.SHOW ? "SHOW " + plural(noun) : verb == Verb.SHOW_LOGS ? "SHOW JOB LOGS" : verb.name() + " " + noun.name());
        this.verb = requireNonNull(verb, "verb is null");
        this.noun = requireNonNull(noun, "noun is null");
        this.name = Optional.ofNullable(name);
        this.type = Optional.ofNullable(type).map(value -> value.toUpperCase(Locale.ROOT));
        this.engine = Optional.ofNullable(engine).map(value -> value.toLowerCase(Locale.ROOT));
        this.properties = unmodifiableMap(new LinkedHashMap<>(requireNonNull(properties, "properties is null")));
        this.pattern = Optional.ofNullable(pattern);
        this.limit = limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
        this.ifExists = ifExists;
    }

    public Verb verb()
    {
        return verb;
    }

    public Noun noun()
    {
        return noun;
    }

    /** The job id, or the schedule's, cluster's, storage's or group's name. */
    public Optional<String> name()
    {
        return name;
    }

    /** {@code TYPE} of a cluster or storage, upper case. */
    public Optional<String> type()
    {
        return type;
    }

    /** {@code USING ENGINE} of a group, lower case. */
    public Optional<String> engine()
    {
        return engine;
    }

    /** {@code WITH (k = 'v', ...)} or {@code SET (k = 'v', ...)}, in the order written. */
    public Map<String, String> properties()
    {
        return properties;
    }

    /** {@code LIKE 'pattern'} of a SHOW. */
    public Optional<String> pattern()
    {
        return pattern;
    }

    /** {@code LIMIT n} of a SHOW. */
    public OptionalInt limit()
    {
        return limit;
    }

    /** {@code DROP ... IF EXISTS}. */
    public boolean ifExists()
    {
        return ifExists;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        switch (verb) {
            case SHOW -> writer.keyword("SHOW " + plural(noun));
            case SHOW_LOGS -> writer.keyword("SHOW JOB LOGS");
            default -> writer.keyword(verb.name() + " " + noun.name());
        }
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.ifPresent(value -> writer.identifier(value, true));
        type.ifPresent(value -> writer.keyword("TYPE " + value));
        engine.ifPresent(value -> writer.keyword("USING ENGINE " + value));
        if (!properties.isEmpty()) {
            writer.keyword(verb == Verb.ALTER ? "SET" : "WITH");
            writer.print(SqlSubmitJob.properties(properties));
        }
        pattern.ifPresent(value -> writer.keyword("LIKE '" + value.replace("'", "\\'") + "'"));
        limit.ifPresent(value -> writer.keyword("LIMIT " + value));
    }

    private static String plural(Noun noun)
    {
        return switch (noun) {
            case JOB -> "JOBS";
            case SCHEDULE -> "SCHEDULES";
            case CLUSTER -> "CLUSTERS";
            case STORAGE -> "STORAGES";
            case GROUP -> "GROUPS";
            case TOKEN -> "TOKENS";
            case AUDIT -> "AUDIT";
        };
    }

    /** The text of the statement from {@code position} (1-based line and column, as the parser counts) to its end, without a final {@code ;}. */
    public static String textFrom(String sql, SqlParserPos position)
    {
        int offset = 0;
        for (int line = 1; line < position.getLineNum(); line++) {
            int next = sql.indexOf('\n', offset);
            if (next < 0) {
                throw new IllegalArgumentException("No line " + position.getLineNum() + " in the statement");
            }
            offset = next + 1;
        }
        String text = sql.substring(Math.min(sql.length(), offset + position.getColumnNum() - 1)).strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    static List<String> quoted(List<String> values)
    {
        return values.stream().map(value -> "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'").toList();
    }
}
