package io.sluice.dialects.fuzz;

import io.sluice.dialects.corpus.AnswerComparator;
import io.sluice.dialects.corpus.CorpusRun.Outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Runs generated statements on Spark, as written, and through Sluice on one engine, and compares the answers case by
 * case. A batched statement whose answer fails on either side is run again item by item, so one refusal or one
 * Spark error costs only its own case. A wrong answer is shrunk (arguments in place of calls, columns in place of
 * expressions) while it stays wrong, and reported with the smallest statement found.
 */
public final class DifferentialFuzz
{
    private static final int SHRINK_ATTEMPTS = 80;

    /** Answers a Spark SQL statement: Spark itself, or Sluice on an engine. */
    public interface Answerer
    {
        Answer answer(String sql);
    }

    /** Rows as text, or the error (and whether it was a refusal: SQLSTATE 0A000). */
    public record Answer(List<List<String>> rows, Optional<String> error, boolean refused)
    {
        public Answer
        {
            rows = rows == null ? null : List.copyOf(rows);
            requireNonNull(error, "error is null");
        }

        public static Answer of(List<List<String>> rows)
        {
            return new Answer(rows, Optional.empty(), false);
        }

        public static Answer failed(String message, boolean refused)
        {
            return new Answer(null, Optional.of(String.valueOf(message)), refused);
        }

        public boolean answered()
        {
            return error.isEmpty();
        }
    }

    /** One case's outcome: the statement (shrunk, if it was wrong) and why it did not match. */
    public record Case(FuzzStatement.Shape shape, Outcome outcome, String sql, String detail)
    {
        public Case
        {
            requireNonNull(shape, "shape is null");
            requireNonNull(outcome, "outcome is null");
            requireNonNull(sql, "sql is null");
            requireNonNull(detail, "detail is null");
        }
    }

    private final Answerer spark;
    private final Answerer engine;

    public DifferentialFuzz(Answerer spark, Answerer engine)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.engine = requireNonNull(engine, "engine is null");
    }

    public List<Case> run(List<FuzzStatement> statements)
    {
        List<Case> cases = new ArrayList<>();
        for (FuzzStatement statement : statements) {
            cases.addAll(run(statement));
        }
        return cases;
    }

    private List<Case> run(FuzzStatement statement)
    {
        Answer expected = spark.answer(statement.sql());
        if (!statement.shape().batched() || statement.items().size() == 1) {
            Answer actual = engine.answer(statement.sql());
            Case single = judge(statement, expected, actual);
            return List.of(single.outcome() == Outcome.MISMATCH ? shrink(statement, single) : single);
        }
        if (!expected.answered()) {
            return items(statement);
        }
        Answer actual = engine.answer(statement.sql());
        if (!actual.answered()) {
            return items(statement);
        }
        List<Case> cases = new ArrayList<>();
        for (int item = 0; item < statement.items().size(); item++) {
            FuzzStatement alone = statement.only(item);
            Optional<String> difference = AnswerComparator.difference(column(statement.shape(), expected, item), column(statement.shape(), actual, item), false);
            if (difference.isEmpty()) {
                cases.add(new Case(statement.shape(), Outcome.MATCH, alone.sql(), ""));
            }
            else {
                // Confirmed alone before shrinking: a batch must not be blamed on one of its items.
                cases.addAll(run(alone));
            }
        }
        return cases;
    }

    private List<Case> items(FuzzStatement statement)
    {
        List<Case> cases = new ArrayList<>();
        for (int item = 0; item < statement.items().size(); item++) {
            cases.addAll(run(statement.only(item)));
        }
        return cases;
    }

    private static Case judge(FuzzStatement statement, Answer expected, Answer actual)
    {
        String sql = statement.sql();
        if (!actual.answered()) {
            if (!expected.answered()) {
                return new Case(statement.shape(), Outcome.BOTH_FAILED, sql, actual.error().get());
            }
            return new Case(statement.shape(), actual.refused() ? Outcome.REFUSED : Outcome.FAILED, sql, actual.error().get());
        }
        if (!expected.answered()) {
            return new Case(statement.shape(), Outcome.ANSWERED_WHERE_SPARK_FAILED, sql, "Spark: " + expected.error().get());
        }
        // No generated statement has an ORDER BY: rows compare as multisets.
        return AnswerComparator.difference(expected.rows(), actual.rows(), false)
                .map(detail -> new Case(statement.shape(), Outcome.MISMATCH, sql, detail))
                .orElseGet(() -> new Case(statement.shape(), Outcome.MATCH, sql, ""));
    }

    /** A batched answer's key columns and the item's column. */
    private static List<List<String>> column(FuzzStatement.Shape shape, Answer answer, int item)
    {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : answer.rows()) {
            List<String> projected = new ArrayList<>(row.subList(0, shape.keyColumns()));
            projected.add(row.get(shape.keyColumns() + item));
            rows.add(projected);
        }
        return rows;
    }

    /** The smallest statement found that is still answered wrongly; the case as found if none is smaller. */
    private Case shrink(FuzzStatement statement, Case found)
    {
        FuzzStatement current = statement;
        Case wrong = found;
        int attempts = 0;
        boolean smaller = true;
        while (smaller && attempts < SHRINK_ATTEMPTS) {
            smaller = false;
            for (FuzzStatement candidate : candidates(current)) {
                if (attempts++ >= SHRINK_ATTEMPTS) {
                    break;
                }
                Case judged = judge(candidate, spark.answer(candidate.sql()), engine.answer(candidate.sql()));
                if (judged.outcome() == Outcome.MISMATCH) {
                    current = candidate;
                    wrong = judged;
                    smaller = true;
                    break;
                }
            }
        }
        return wrong;
    }

    private static List<FuzzStatement> candidates(FuzzStatement statement)
    {
        // Aggregates and windows must stay at the top of their item; in the other shapes any call may go.
        boolean keepRoot = switch (statement.shape()) {
            case GROUPED_AGGREGATE, GLOBAL_AGGREGATE, WINDOW, HAVING -> true;
            default -> false;
        };
        List<FuzzStatement> candidates = new ArrayList<>();
        for (int item = 0; item < statement.items().size(); item++) {
            for (Node smaller : smaller(statement.items().get(item), keepRoot)) {
                candidates.add(statement.withItem(item, smaller));
            }
        }
        candidates.sort((left, right) -> Integer.compare(left.size(), right.size()));
        return candidates;
    }

    private static List<Node> smaller(Node node, boolean keepRoot)
    {
        List<Node> smaller = new ArrayList<>();
        if (!(node instanceof Node.Call call)) {
            return smaller;
        }
        if (!keepRoot) {
            for (Node argument : call.arguments()) {
                if (argument.type() == call.type()) {
                    smaller.add(argument);
                }
            }
            FuzzTables.COLUMNS.entrySet().stream().filter(column -> column.getValue() == call.type()).findFirst()
                    .ifPresent(column -> smaller.add(new Node.Leaf(call.type(), column.getKey())));
        }
        for (int i = 0; i < call.arguments().size(); i++) {
            for (Node argument : smaller(call.arguments().get(i), false)) {
                smaller.add(call.withArgument(i, argument));
            }
        }
        return smaller;
    }

    /** A Markdown report: outcomes per shape, every wrong answer, failures, then the refusals by reason. */
    public static String report(String engine, long seed, List<Case> cases)
    {
        Map<FuzzStatement.Shape, Map<Outcome, Integer>> counts = new EnumMap<>(FuzzStatement.Shape.class);
        Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
        Map<String, Integer> refusals = new TreeMap<>();
        for (Case each : cases) {
            counts.computeIfAbsent(each.shape(), shape -> new EnumMap<>(Outcome.class)).merge(each.outcome(), 1, Integer::sum);
            total.merge(each.outcome(), 1, Integer::sum);
            if (each.outcome() == Outcome.REFUSED) {
                refusals.merge(reason(each.detail()), 1, Integer::sum);
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("Differential fuzz on ").append(engine).append(", seed ").append(seed).append(": ").append(cases.size()).append(" cases\n\n");
        report.append("| shape | cases | match | both failed | refused | failed | answered where Spark failed | wrong answer |\n");
        report.append("|---|---|---|---|---|---|---|---|\n");
        counts.forEach((shape, byOutcome) -> row(report, shape.name().toLowerCase(Locale.ROOT), byOutcome));
        row(report, "**all**", total);
        for (Outcome outcome : List.of(Outcome.MISMATCH, Outcome.ANSWERED_WHERE_SPARK_FAILED, Outcome.FAILED)) {
            List<Case> listed = cases.stream().filter(each -> each.outcome() == outcome).toList();
            if (!listed.isEmpty()) {
                report.append("\n").append(outcome).append(":\n\n");
                for (Case each : listed) {
                    report.append("- `").append(each.sql().replace('\n', ' ')).append("`: ").append(oneLine(each.detail())).append('\n');
                }
            }
        }
        if (!refusals.isEmpty()) {
            report.append("\nRefused, by reason:\n\n");
            Map<String, Integer> byCount = new LinkedHashMap<>();
            refusals.entrySet().stream().sorted((left, right) -> Integer.compare(right.getValue(), left.getValue()))
                    .forEach(entry -> byCount.put(entry.getKey(), entry.getValue()));
            byCount.forEach((reason, count) -> report.append("- ").append(count).append(" × ").append(reason).append('\n'));
        }
        return report.toString();
    }

    private static void row(StringBuilder report, String shape, Map<Outcome, Integer> counts)
    {
        int all = counts.values().stream().mapToInt(Integer::intValue).sum();
        report.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d |%n", shape, all,
                counts.getOrDefault(Outcome.MATCH, 0), counts.getOrDefault(Outcome.BOTH_FAILED, 0), counts.getOrDefault(Outcome.REFUSED, 0),
                counts.getOrDefault(Outcome.FAILED, 0), counts.getOrDefault(Outcome.ANSWERED_WHERE_SPARK_FAILED, 0),
                counts.getOrDefault(Outcome.MISMATCH, 0)));
    }

    /** A refusal's reason without the statement-specific rest: {@code Not supported in trino: f()}. */
    private static String reason(String message)
    {
        String line = oneLine(message);
        int parenthesis = line.indexOf("()");
        return parenthesis > 0 ? line.substring(0, parenthesis + 2) : line.length() > 160 ? line.substring(0, 160) : line;
    }

    private static String oneLine(String text)
    {
        String line = text.replace('\n', ' ');
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
