package io.sluice.dialects.corpus;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import org.apache.calcite.sql.SqlOrderBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs the dialect corpus through a JDBC connection to Sluice and compares every answer with Spark's.
 * Each query ends in one {@link Outcome}; only the first three are acceptable.
 */
public final class CorpusRun
{
    /** How one query fared. */
    public enum Outcome
    {
        /** The engine gave Spark's answer. */
        MATCH,
        /** Spark refused the query (ANSI errors, ...) and so did Sluice. */
        BOTH_FAILED,
        /** Sluice refused the query naming what it cannot translate faithfully (SQLSTATE 0A000). */
        REFUSED,
        /** The query failed with an error other than a refusal, where Spark answered. */
        FAILED,
        /** The engine answered where Spark failed. */
        ANSWERED_WHERE_SPARK_FAILED,
        /** The engine's answer differs from Spark's: a wrong answer. */
        MISMATCH;

        public boolean acceptable()
        {
            return this == MATCH || this == BOTH_FAILED || this == REFUSED;
        }
    }

    /** One query's outcome and, unless it matched, why. */
    public record Result(CorpusQuery query, Outcome outcome, String detail)
    {
        public Result
        {
            requireNonNull(query, "query is null");
            requireNonNull(outcome, "outcome is null");
            requireNonNull(detail, "detail is null");
        }
    }

    private CorpusRun() {}

    /** Creates the corpus tables through the connection; fails on the first statement that fails. */
    public static void setUp(Connection connection)
            throws SQLException
    {
        for (String statement : Corpus.setupStatements()) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement);
            }
            catch (SQLException e) {
                throw new SQLException("Corpus setup failed: " + e.getMessage() + "\n" + statement, e.getSQLState(), e);
            }
        }
    }

    public static List<Result> run(Connection connection)
    {
        Map<String, ExpectedAnswer> expected = ExpectedAnswers.load();
        List<Result> results = new ArrayList<>();
        for (CorpusQuery query : Corpus.queries()) {
            ExpectedAnswer answer = requireNonNull(expected.get(query.id()), () -> "No recorded Spark answer for " + query.id());
            if (!answer.sql().equals(query.sql())) {
                throw new IllegalStateException("The recorded answer of " + query.id() + " is for another query; record Spark's answers again");
            }
            results.add(run(connection, query, answer));
        }
        return results;
    }

    private static Result run(Connection connection, CorpusQuery query, ExpectedAnswer answer)
    {
        List<List<String>> rows;
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(query.sql())) {
            rows = rows(resultSet);
        }
        catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (answer.sparkError().isPresent()) {
                return new Result(query, Outcome.BOTH_FAILED, message);
            }
            boolean refusal = "0A000".equals(e.getSQLState()) || message.toLowerCase(Locale.ROOT).contains("not supported");
            return new Result(query, refusal ? Outcome.REFUSED : Outcome.FAILED, message);
        }
        if (answer.sparkError().isPresent()) {
            return new Result(query, Outcome.ANSWERED_WHERE_SPARK_FAILED, "Spark: " + answer.sparkError().get());
        }
        Optional<String> difference = AnswerComparator.difference(answer.rows(), rows, ordered(query.sql()));
        return difference.map(detail -> new Result(query, Outcome.MISMATCH, detail))
                .orElseGet(() -> new Result(query, Outcome.MATCH, ""));
    }

    private static boolean ordered(String sql)
    {
        return Transpiler.parse(sql, Dialect.SPARK) instanceof SqlOrderBy;
    }

    /** Every row of the result, each value as the driver's getString gives it. */
    public static List<List<String>> rows(ResultSet resultSet)
            throws SQLException
    {
        ResultSetMetaData metadata = resultSet.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                row.add(resultSet.getString(column));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A Markdown report: outcomes per family, then every query that did not match, with why. */
    public static String report(String engine, List<Result> results)
    {
        Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
        for (String family : Corpus.FAMILIES) {
            counts.put(family, new EnumMap<>(Outcome.class));
        }
        for (Result result : results) {
            counts.get(result.query().family()).merge(result.outcome(), 1, Integer::sum);
        }
        StringBuilder report = new StringBuilder();
        report.append("| family | queries | match | both failed | refused | failed | answered where Spark failed | wrong answer | pass rate |\n");
        report.append("|---|---|---|---|---|---|---|---|---|\n");
        Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
        for (Map.Entry<String, Map<Outcome, Integer>> family : counts.entrySet()) {
            row(report, family.getKey(), family.getValue());
            family.getValue().forEach((outcome, count) -> total.merge(outcome, count, Integer::sum));
        }
        row(report, "**all**", total);
        report.append("\nNot matched on ").append(engine).append(":\n\n");
        for (Result result : results) {
            if (result.outcome() != Outcome.MATCH && result.outcome() != Outcome.BOTH_FAILED) {
                report.append("- `").append(result.query().id()).append("` ").append(result.outcome()).append(": ")
                        .append(result.detail().replace('\n', ' ')).append('\n');
            }
        }
        return report.toString();
    }

    private static void row(StringBuilder report, String family, Map<Outcome, Integer> counts)
    {
        int queries = counts.values().stream().mapToInt(Integer::intValue).sum();
        int passed = counts.getOrDefault(Outcome.MATCH, 0) + counts.getOrDefault(Outcome.BOTH_FAILED, 0);
        report.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d | %.1f%% |%n", family, queries,
                counts.getOrDefault(Outcome.MATCH, 0), counts.getOrDefault(Outcome.BOTH_FAILED, 0), counts.getOrDefault(Outcome.REFUSED, 0),
                counts.getOrDefault(Outcome.FAILED, 0), counts.getOrDefault(Outcome.ANSWERED_WHERE_SPARK_FAILED, 0),
                counts.getOrDefault(Outcome.MISMATCH, 0), queries == 0 ? 0.0 : 100.0 * passed / queries));
    }
}
