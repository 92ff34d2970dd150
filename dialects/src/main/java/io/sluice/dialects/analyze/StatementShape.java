package io.sluice.dialects.analyze;

import io.sluice.dialects.ast.SqlAlterTable;
import io.sluice.dialects.ast.SqlAnalyzeTable;
import io.sluice.dialects.ast.SqlCacheTable;
import io.sluice.dialects.ast.SqlCreateDatabase;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlCreateView;
import io.sluice.dialects.ast.SqlDescribeObject;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlExplainQuery;
import io.sluice.dialects.ast.SqlLateralView;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A statement's kind, the tables it reads and writes (by name, as written), and the constructs that drive its cost.
 *
 * @param kind what the statement does
 * @param tables each table once, in the order the statement names them; common table expressions are not tables
 * @param joins the number of joins (LATERAL VIEW and UNNEST are not joins of tables)
 * @param aggregates whether it aggregates (an aggregate function or GROUP BY)
 * @param groups whether it groups (GROUP BY)
 * @param sorts whether it sorts (ORDER BY, a window)
 * @param limit the outermost LIMIT, when it is a number
 */
public record StatementShape(Kind kind, List<TableName> tables, int joins, boolean aggregates, boolean groups, boolean sorts, OptionalLong limit)
{
    public enum Kind
    {
        QUERY,
        WRITE,
        ROW_LEVEL_WRITE,
        DDL,
    }

    /**
     * A table the statement names.
     *
     * @param names the name's parts as written ({@code [t]}, {@code [db, t]}, {@code [catalog, db, t]})
     * @param target whether the statement writes, creates or drops it
     * @param predicates conditions of the form {@code column <op> constant} that every row read from it meets (the
     *     conjuncts of the WHERE clause of the one query block that reads it), for pruning its scan; empty when unknown
     */
    public record TableName(List<String> names, boolean target, List<ColumnPredicate> predicates)
    {
        public TableName
        {
            names = List.copyOf(requireNonNull(names, "names is null"));
            predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        }

        public TableName(List<String> names, boolean target)
        {
            this(names, target, List.of());
        }
    }

    /**
     * {@code column <op> values}: one value for comparisons, two for BETWEEN (low, high), any number for IN. Values
     * are numbers ({@link java.math.BigDecimal}), strings, booleans, or dates and timestamps as ISO text.
     */
    public record ColumnPredicate(String column, Operator operator, List<Object> values)
    {
        public enum Operator
        {
            EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, BETWEEN, IN
        }

        public ColumnPredicate
        {
            requireNonNull(column, "column is null");
            requireNonNull(operator, "operator is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
        }
    }

    private static final Set<String> AGGREGATE_FUNCTIONS = Set.of("count", "sum", "avg", "min", "max", "approx_count_distinct", "approx_percentile",
            "percentile", "percentile_approx", "percentile_cont", "percentile_disc", "median", "mode", "collect_list", "collect_set", "array_agg",
            "string_agg", "listagg", "stddev", "stddev_pop", "stddev_samp", "std", "variance", "var_pop", "var_samp", "corr", "covar_pop",
            "covar_samp", "first", "last", "first_value", "last_value", "any_value", "bool_and", "bool_or", "every", "some", "any", "count_if",
            "max_by", "min_by", "bit_and", "bit_or", "bit_xor", "histogram_numeric", "regr_count", "regr_slope", "regr_intercept", "skewness", "kurtosis");

    public StatementShape
    {
        requireNonNull(kind, "kind is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(limit, "limit is null");
    }

    /**
     * Where a table is read: its name as written and where it stands in the statement's text, and whether an alias
     * follows it. Row filters and column masks replace these with subqueries.
     */
    public record ReadSite(List<String> names, SqlParserPos position, boolean aliased)
    {
        public ReadSite
        {
            names = List.copyOf(requireNonNull(names, "names is null"));
            requireNonNull(position, "position is null");
        }
    }

    /** Every place the statement reads a table (not a common table expression) in a FROM clause, a join or TABLE t. */
    public static List<ReadSite> readSites(SqlNode statement)
    {
        Analysis analysis = new Analysis();
        analysis.statement(statement);
        return List.copyOf(analysis.sites);
    }

    /** The shape of a parsed statement of any dialect. */
    public static StatementShape of(SqlNode statement)
    {
        Analysis analysis = new Analysis();
        Kind kind = analysis.statement(statement);
        return new StatementShape(kind, List.copyOf(analysis.tables.values()), analysis.joins, analysis.aggregates, analysis.groups, analysis.sorts, analysis.limit);
    }

    private static final class Analysis
    {
        private final Map<String, TableName> tables = new LinkedHashMap<>();
        private final List<ReadSite> sites = new ArrayList<>();
        private boolean aliasing;
        private final Set<String> readTwice = new HashSet<>();
        private final Deque<Set<String>> commonTables = new ArrayDeque<>();
        private int joins;
        private boolean aggregates;
        private boolean groups;
        private boolean sorts;
        private OptionalLong limit = OptionalLong.empty();
        private boolean outermost = true;

        Kind statement(SqlNode node)
        {
            if (node instanceof SqlExplainQuery explain) {
                statement(explain.statement());
                return Kind.QUERY;
            }
            if (node instanceof SqlDescribeObject describe) {
                describe.query().ifPresent(this::query);
                describe.name().ifPresent(name -> table(name, false));
                return Kind.QUERY;
            }
            if (node instanceof SqlInsert insert) {
                table(insert.getTargetTable(), true);
                query(insert.getSource());
                return Kind.WRITE;
            }
            if (node instanceof SqlDelete delete) {
                table(delete.getTargetTable(), true);
                expressions(delete.getCondition());
                return Kind.ROW_LEVEL_WRITE;
            }
            if (node instanceof SqlUpdate update) {
                table(update.getTargetTable(), true);
                expressions(update.getSourceExpressionList());
                expressions(update.getCondition());
                return Kind.ROW_LEVEL_WRITE;
            }
            if (node instanceof SqlMerge merge) {
                table(merge.getTargetTable(), true);
                from(merge.getSourceTableRef());
                expressions(merge.getCondition());
                return Kind.ROW_LEVEL_WRITE;
            }
            if (node instanceof SqlCreateTable create) {
                table(create.name(), true);
                create.query().ifPresent(this::query);
                return create.query().isPresent() ? Kind.WRITE : Kind.DDL;
            }
            if (node instanceof SqlCreateView create) {
                table(create.name(), true);
                query(create.query());
                return Kind.DDL;
            }
            if (node instanceof SqlDropObject drop) {
                if (drop.kind() == SqlDropObject.Kind.TABLE || drop.kind() == SqlDropObject.Kind.VIEW) {
                    table(drop.name(), true);
                }
                return Kind.DDL;
            }
            if (node instanceof SqlAlterTable alter) {
                table(alter.name(), true);
                return Kind.DDL;
            }
            if (node instanceof SqlAnalyzeTable analyze) {
                // It reads the table; the statistics it writes are not the table's rows.
                table(analyze.name(), false);
                return Kind.DDL;
            }
            if (node instanceof SqlCreateDatabase) {
                return Kind.DDL;
            }
            if (node instanceof SqlCacheTable cache) {
                cache.query().ifPresent(this::query);
                return Kind.DDL;
            }
            if (node.getKind().belongsTo(SqlKind.QUERY) || node instanceof SqlOrderBy) {
                query(node);
                return Kind.QUERY;
            }
            expressions(node);
            return Kind.DDL;
        }

        void query(SqlNode node)
        {
            boolean top = outermost;
            outermost = false;
            if (node instanceof SqlOrderBy orderBy) {
                if (orderBy.orderList != null && !orderBy.orderList.isEmpty()) {
                    sorts = true;
                }
                if (top && orderBy.fetch instanceof SqlLiteral literal && literal.getValue() instanceof Number) {
                    limit = OptionalLong.of(literal.longValue(true));
                }
                query(orderBy.query);
            }
            else if (node instanceof SqlWith with) {
                Set<String> names = new HashSet<>();
                commonTables.push(names);
                for (SqlNode item : with.withList) {
                    SqlWithItem withItem = (SqlWithItem) item;
                    query(withItem.query);
                    names.add(withItem.name.getSimple().toLowerCase(Locale.ROOT));
                }
                outermost = top;
                query(with.body);
                commonTables.pop();
            }
            else if (node instanceof SqlSelect select) {
                if (select.getGroup() != null && !select.getGroup().isEmpty()) {
                    aggregates = true;
                    groups = true;
                }
                if (top && select.getFetch() instanceof SqlLiteral literal && literal.getValue() instanceof Number) {
                    limit = OptionalLong.of(literal.longValue(true));
                }
                if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
                    sorts = true;
                }
                Map<String, String> aliases = new LinkedHashMap<>();
                from(select.getFrom());
                aliases(select.getFrom(), aliases);
                predicates(select.getWhere(), aliases);
                expressions(select.getSelectList());
                expressions(select.getWhere());
                expressions(select.getHaving());
                expressions(select.getQualify());
                expressions(select.getWindowList());
                if (select.getWindowList() != null && !select.getWindowList().isEmpty()) {
                    sorts = true;
                }
            }
            else if (node instanceof SqlCall call && (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT || call.getKind() == SqlKind.EXCEPT)) {
                call.getOperandList().forEach(this::query);
            }
            else if (node instanceof SqlIdentifier name) {
                // TABLE t
                table(name, false);
            }
            else if (node instanceof SqlCall call) {
                // VALUES and other queries of no table: their expressions may hold subqueries.
                call.getOperandList().forEach(this::expressions);
            }
        }

        void from(SqlNode node)
        {
            if (node == null) {
                return;
            }
            if (node instanceof SqlIdentifier name) {
                table(name, false);
            }
            else if (node instanceof SqlJoin join) {
                if (!(join instanceof SqlLateralView.Join) && !isUnnest(join.getRight())) {
                    joins++;
                }
                from(join.getLeft());
                from(join.getRight());
                expressions(join.getCondition());
            }
            else if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.AS || call.getKind() == SqlKind.TABLE_REF
                    || call.getKind() == SqlKind.SNAPSHOT || call.getKind() == SqlKind.LATERAL)) {
                aliasing = call.getKind() == SqlKind.AS && call.operand(0) instanceof SqlIdentifier;
                from(call.operand(0));
                aliasing = false;
                call.getOperandList().stream().skip(1).forEach(this::expressions);
            }
            else if (node instanceof SqlCall call && (call.getKind().belongsTo(SqlKind.QUERY) || node instanceof SqlOrderBy)) {
                query(node);
            }
            else {
                expressions(node);
            }
        }

        /** The tables of a FROM clause by the names their columns are qualified with (alias, or the table's own name), each to its key. */
        private void aliases(SqlNode node, Map<String, String> aliases)
        {
            if (node instanceof SqlIdentifier name) {
                aliases.put(name.names.get(name.names.size() - 1).toLowerCase(Locale.ROOT), key(name.names));
            }
            else if (node instanceof SqlJoin join) {
                aliases(join.getLeft(), aliases);
                aliases(join.getRight(), aliases);
            }
            else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS && call.operand(0) instanceof SqlIdentifier name) {
                aliases.put(((SqlIdentifier) call.operand(1)).getSimple().toLowerCase(Locale.ROOT), key(name.names));
            }
            else if (node instanceof SqlBasicCall call && (call.getKind() == SqlKind.TABLE_REF || call.getKind() == SqlKind.SNAPSHOT)) {
                aliases(call.operand(0), aliases);
            }
            else if (node != null) {
                // A subquery or table function: its columns belong to no table of this block.
                aliases.put("\u0000" + aliases.size(), "");
            }
        }

        /** The WHERE clause's conjuncts {@code column <op> constant}, each for the table its column names. */
        private void predicates(SqlNode where, Map<String, String> aliases)
        {
            if (where == null) {
                return;
            }
            if (where instanceof SqlBasicCall call && call.getKind() == SqlKind.AND) {
                call.getOperandList().forEach(operand -> predicates(operand, aliases));
                return;
            }
            if (!(where instanceof SqlBasicCall call) || call.getOperandList().isEmpty() || !(call.operand(0) instanceof SqlIdentifier)) {
                if (where instanceof SqlBasicCall call && call.getOperandList().size() == 2 && call.operand(1) instanceof SqlIdentifier
                        && call.operand(0) instanceof SqlLiteral) {
                    // constant <op> column
                    ColumnPredicate.Operator flipped = switch (call.getKind()) {
                        case EQUALS -> ColumnPredicate.Operator.EQUAL;
                        case LESS_THAN -> ColumnPredicate.Operator.GREATER_THAN;
                        case LESS_THAN_OR_EQUAL -> ColumnPredicate.Operator.GREATER_THAN_OR_EQUAL;
                        case GREATER_THAN -> ColumnPredicate.Operator.LESS_THAN;
                        case GREATER_THAN_OR_EQUAL -> ColumnPredicate.Operator.LESS_THAN_OR_EQUAL;
                        default -> null;
                    };
                    constant((SqlLiteral) call.operand(0)).ifPresent(value -> {
                        if (flipped != null) {
                            add(aliases, (SqlIdentifier) call.operand(1), flipped, List.of(value));
                        }
                    });
                }
                return;
            }
            SqlIdentifier column = call.operand(0);
            ColumnPredicate.Operator operator = switch (call.getKind()) {
                case EQUALS -> ColumnPredicate.Operator.EQUAL;
                case LESS_THAN -> ColumnPredicate.Operator.LESS_THAN;
                case LESS_THAN_OR_EQUAL -> ColumnPredicate.Operator.LESS_THAN_OR_EQUAL;
                case GREATER_THAN -> ColumnPredicate.Operator.GREATER_THAN;
                case GREATER_THAN_OR_EQUAL -> ColumnPredicate.Operator.GREATER_THAN_OR_EQUAL;
                case BETWEEN -> call.getOperator().getName().toUpperCase(Locale.ROOT).contains("NOT") ? null : ColumnPredicate.Operator.BETWEEN;
                case IN -> ColumnPredicate.Operator.IN;
                default -> null;
            };
            if (operator == null) {
                return;
            }
            List<SqlNode> operands = operator == ColumnPredicate.Operator.IN && call.operand(1) instanceof SqlNodeList list
                    ? list.getList()
                    : operator == ColumnPredicate.Operator.BETWEEN ? call.getOperandList().subList(1, 3) : call.getOperandList().subList(1, 2);
            if (operator == ColumnPredicate.Operator.BETWEEN && call.getOperandList().size() > 3) {
                // Calcite's BETWEEN carries its SYMMETRIC flag first.
                operands = call.getOperandList().subList(call.getOperandList().size() - 2, call.getOperandList().size());
            }
            List<Object> values = new ArrayList<>();
            for (SqlNode operand : operands) {
                if (!(operand instanceof SqlLiteral literal)) {
                    return;
                }
                Optional<Object> value = constant(literal);
                if (value.isEmpty()) {
                    return;
                }
                values.add(value.get());
            }
            add(aliases, column, operator, values);
        }

        private void add(Map<String, String> aliases, SqlIdentifier column, ColumnPredicate.Operator operator, List<Object> values)
        {
            String key;
            if (column.names.size() == 1) {
                if (aliases.size() != 1) {
                    return;
                }
                key = aliases.values().iterator().next();
            }
            else {
                key = aliases.get(column.names.get(column.names.size() - 2).toLowerCase(Locale.ROOT));
            }
            TableName table = key == null ? null : tables.get(key);
            if (table == null || readTwice.contains(key)) {
                return;
            }
            List<ColumnPredicate> predicates = new ArrayList<>(table.predicates());
            predicates.add(new ColumnPredicate(column.names.get(column.names.size() - 1).toLowerCase(Locale.ROOT), operator, values));
            tables.put(key, new TableName(table.names(), table.target(), predicates));
        }

        private static Optional<Object> constant(SqlLiteral literal)
        {
            Object value = literal.getValue();
            if (literal instanceof SqlDateLiteral || literal instanceof SqlTimestampLiteral) {
                return Optional.of(literal.toValue());
            }
            if (literal instanceof SqlUnknownLiteral unknown && (unknown.tag.equalsIgnoreCase("DATE") || unknown.tag.equalsIgnoreCase("TIMESTAMP"))) {
                // DATE '...' and TIMESTAMP '...' as the parser keeps them until validation.
                return Optional.of(unknown.getValue());
            }
            if (literal instanceof SqlNumericLiteral number) {
                return Optional.ofNullable(number.bigDecimalValue());
            }
            if (literal instanceof SqlCharStringLiteral string) {
                return Optional.of(string.getValueAs(String.class));
            }
            if (value instanceof Boolean bool) {
                return Optional.of(bool);
            }
            return Optional.empty();
        }

        private static boolean isUnnest(SqlNode node)
        {
            SqlNode inner = node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS ? call.operand(0) : node;
            return inner != null && (inner.getKind() == SqlKind.UNNEST || inner.getKind() == SqlKind.LATERAL);
        }

        void expressions(SqlNode node)
        {
            if (node == null) {
                return;
            }
            if (node instanceof SqlNodeList list) {
                list.forEach(this::expressions);
                return;
            }
            if (!(node instanceof SqlCall call)) {
                return;
            }
            if (call.getKind().belongsTo(SqlKind.QUERY) || call instanceof SqlOrderBy) {
                query(call);
                return;
            }
            if (call.getKind() == SqlKind.OVER) {
                sorts = true;
            }
            if (call.getOperator().isAggregator() || AGGREGATE_FUNCTIONS.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                aggregates = true;
            }
            for (SqlNode operand : call.getOperandList()) {
                expressions(operand);
            }
        }

        private static String key(List<String> names)
        {
            return String.join("\u0000", names.stream().map(part -> part.toLowerCase(Locale.ROOT)).toList());
        }

        void table(SqlNode node, boolean target)
        {
            if (!(node instanceof SqlIdentifier name) || name.isStar()) {
                if (node != null) {
                    from(node);
                }
                return;
            }
            List<String> names = new ArrayList<>(name.names);
            if (names.size() == 1 && !target) {
                String simple = names.get(0).toLowerCase(Locale.ROOT);
                if (commonTables.stream().anyMatch(scope -> scope.contains(simple))) {
                    return;
                }
            }
            if (!target) {
                sites.add(new ReadSite(names, name.getParserPosition(), aliasing));
            }
            aliasing = false;
            String key = key(names);
            TableName existing = tables.get(key);
            if (existing != null) {
                // Read more than once (a self-join, a subquery): no one block's conditions hold for every row read.
                readTwice.add(key);
                tables.put(key, new TableName(existing.names(), target || existing.target(), List.of()));
            }
            else {
                tables.put(key, new TableName(names, target));
            }
        }
    }
}
