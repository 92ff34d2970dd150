package io.sluice.dialects.ast;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Collections.unmodifiableMap;
import static java.util.Objects.requireNonNull;

/**
 * {@code SUBMIT JOB name [ON CLUSTER c] [USING ENGINE e] AS statement}, a statement run asynchronously, or {@code SUBMIT
 * JOB name [ON CLUSTER c] CLASS 'main' JAR 'path' [ARGS ('a', ...)] [CONF (k = 'v', ...)]}, a Spark application.
 */
public final class SqlSubmitJob
        extends SqlStatement
{
    private final String name;
    private final Optional<String> cluster;
    private final Optional<String> engine;
    private final Optional<SqlNode> statement;
    private final Optional<SqlParserPos> statementPosition;
    private final Optional<String> mainClass;
    private final Optional<String> jar;
    private final List<String> arguments;
    private final Map<String, String> conf;

    public SqlSubmitJob(SqlParserPos pos, String name, String cluster, String engine, SqlNode statement, SqlParserPos statementPosition, String mainClass,
            String jar, List<String> arguments, Map<String, String> conf)
    {
        super(pos, "SUBMIT JOB");
        this.name = requireNonNull(name, "name is null");
        this.cluster = Optional.ofNullable(cluster);
        this.engine = Optional.ofNullable(engine).map(value -> value.toLowerCase(Locale.ROOT));
        this.statement = Optional.ofNullable(statement);
        this.statementPosition = Optional.ofNullable(statementPosition);
        this.mainClass = Optional.ofNullable(mainClass);
        this.jar = Optional.ofNullable(jar);
        this.arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        this.conf = unmodifiableMap(new LinkedHashMap<>(requireNonNull(conf, "conf is null")));
    }

    public String name()
    {
        return name;
    }

    public Optional<String> cluster()
    {
        return cluster;
    }

    /** {@code USING ENGINE}, lower case. */
    public Optional<String> engine()
    {
        return engine;
    }

    /** The statement a statement job runs, as parsed. */
    public Optional<SqlNode> statement()
    {
        return statement;
    }

    /** The statement's text in {@code sql}, the text this node was parsed from: what the job runs, as written. */
    public Optional<String> statementText(String sql)
    {
        return statementPosition.map(position -> SqlManagement.textFrom(sql, position));
    }

    /** {@code CLASS} of an application job. */
    public Optional<String> mainClass()
    {
        return mainClass;
    }

    /** {@code JAR} of an application job. */
    public Optional<String> jar()
    {
        return jar;
    }

    /** {@code ARGS (...)} of an application job. */
    public List<String> arguments()
    {
        return arguments;
    }

    /** {@code CONF (...)} of an application job, in the order written. */
    public Map<String, String> conf()
    {
        return conf;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec)
    {
        writer.keyword("SUBMIT JOB");
        writer.identifier(name, true);
        cluster.ifPresent(value -> {
            writer.keyword("ON CLUSTER");
            writer.identifier(value, true);
        });
        engine.ifPresent(value -> writer.keyword("USING ENGINE " + value));
        if (statement.isPresent()) {
            writer.keyword("AS");
            statement.get().unparse(writer, 0, 0);
            return;
        }
        writer.keyword("CLASS");
        writer.print(SqlManagement.quoted(List.of(mainClass.orElseThrow())).get(0) + " ");
        writer.keyword("JAR");
        writer.print(SqlManagement.quoted(List.of(jar.orElseThrow())).get(0) + " ");
        if (!arguments.isEmpty()) {
            writer.keyword("ARGS");
            writer.print("(" + String.join(", ", SqlManagement.quoted(arguments)) + ") ");
        }
        if (!conf.isEmpty()) {
            writer.keyword("CONF");
            writer.print(properties(conf));
        }
    }

    static String properties(Map<String, String> properties)
    {
        return properties.entrySet().stream()
                .map(entry -> SqlManagement.quoted(List.of(entry.getKey())).get(0) + " = " + SqlManagement.quoted(List.of(entry.getValue())).get(0))
                .collect(Collectors.joining(", ", "(", ") "));
    }
}
