package io.sluice.dialects.translate;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.ast.SparkOperators;
import io.sluice.dialects.ast.SqlAlterTable;
import io.sluice.dialects.ast.SqlAnalyzeTable;
import io.sluice.dialects.ast.SqlCacheTable;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlCreateView;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlExplainQuery;
import io.sluice.dialects.ast.SparkTableSample;
import io.sluice.dialects.ast.SparkTimeTravel;
import io.sluice.dialects.ast.SqlInsertOverwrite;
import io.sluice.dialects.ast.SqlLateralView;
import io.sluice.dialects.functions.AggregateRewrite;
import io.sluice.dialects.functions.Failures;
import io.sluice.dialects.functions.CallContext;
import io.sluice.dialects.functions.FunctionCatalog;
import io.sluice.dialects.functions.ZeroDivisors;
import io.sluice.dialects.target.TargetDialects;
import io.sluice.dialects.target.TypeSpecs;
import io.sluice.dialects.validate.SluiceTypeSystem;
import io.sluice.dialects.validate.TimeTravel;
import io.sluice.dialects.validate.Validation;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import io.sluice.spi.type.TypeKind;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLambda;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.Litmus;
import org.apache.calcite.util.Util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Translates a validated statement from its input dialect into an engine's: every function and operator goes
 * through {@link FunctionCatalog} or an operator rule here, so that each construct either keeps Spark's meaning
 * on the engine or is refused by name.
 */
public final class Translator
{
    private static final Set<String> NONDETERMINISTIC = Set.of("rand", "random", "randn", "uuid", "shuffle", "now",
            "current_timestamp", "current_date", "localtimestamp", "monotonically_increasing_id", "spark_partition_id");
    /** The catalog of lakehouse tables, which Trino and Flink name as Sluice does. */
    private static final String LAKEHOUSE = "lakehouse";

    private final Validation validation;
    private final Dialect input;
    private final Dialect target;
    private final UnaryOperator<String> databaseNames;
    private final FunctionCatalog functions = FunctionCatalog.spark();

    private Translator(Validation validation, Dialect input, Dialect target, UnaryOperator<String> databaseNames)
    {
        this.validation = requireNonNull(validation, "validation is null");
        this.input = requireNonNull(input, "input is null");
        this.target = requireNonNull(target, "target is null");
        this.databaseNames = requireNonNull(databaseNames, "databaseNames is null");
    }

    /**
     * The statement in the engine's terms.
     *
     * @param databaseNames the engine's schema for each of Sluice's database names (DuckDB keeps {@code default} in {@code main})
     */
    public static SqlNode translate(Validation validation, Dialect input, Dialect target, UnaryOperator<String> databaseNames)
    {
        return new Translator(validation, input, target, databaseNames).statement(validation.statement());
    }

    /** A query within the validated statement (an INSERT's source, a CREATE TABLE's query) in the engine's terms. */
    public static SqlNode translateQuery(Validation validation, SqlNode query, Dialect input, Dialect target, UnaryOperator<String> databaseNames)
    {
        return new Translator(validation, input, target, databaseNames).expression(query);
    }

    private SqlNode statement(SqlNode statement)
    {
        if (statement instanceof SqlCreateTable create) {
            return createTable(create);
        }
        if (statement instanceof SqlCreateView view) {
            if (view.temporary() && target == Dialect.TRINO) {
                throw notSupported("temporary views");
            }
            return new SqlCreateView(view.getParserPosition(), view.replace(), view.temporary(), false,
                    tableName(view.name()), view.columns().orElse(null), expression(view.query()));
        }
        if (statement instanceof SqlCacheTable cache) {
            // CACHE TABLE t AS query defines the temporary view t; engines other than Spark manage their own caches.
            if (target == Dialect.SPARK) {
                return cache;
            }
            SqlNode query = cache.query().orElseThrow(() -> new IllegalArgumentException("Only CACHE TABLE ... AS query is translated"));
            return statement(new SqlCreateView(cache.getParserPosition(), true, true, false, cache.name().orElseThrow(), null, query));
        }
        if (statement instanceof SqlInsertOverwrite overwrite) {
            return insertOverwrite(overwrite);
        }
        if (statement instanceof SqlInsert insert) {
            return new SqlInsert(insert.getParserPosition(), SqlNodeList.EMPTY, tableName((SqlIdentifier) insert.getTargetTable()),
                    expression(insert.getSource()), insert.getTargetColumnList());
        }
        if (statement instanceof SqlDropObject drop) {
            if (drop.kind() == SqlDropObject.Kind.DATABASE) {
                throw new IllegalArgumentException("DROP DATABASE is executed by the gateway");
            }
            return new SqlDropObject(drop.getParserPosition(), drop.kind(), drop.ifExists(), tableName(drop.name()), false);
        }
        if (statement instanceof SqlAlterTable alter) {
            return alterTable(alter);
        }
        if (statement instanceof SqlAnalyzeTable analyze) {
            return analyze(analyze);
        }
        if (statement instanceof SqlExplainQuery explain) {
            return new SqlExplainQuery(explain.getParserPosition(), explain.extended() && target == Dialect.SPARK,
                    statement(explain.statement()));
        }
        return expression(statement);
    }

    private SqlNode createTable(SqlCreateTable create)
    {
        if (!create.unsupportedClauses().isEmpty()) {
            throw notSupported("CREATE TABLE with " + String.join(" and ", create.unsupportedClauses())
                    + " (tables over external files come with the lakehouse catalog)");
        }
        if (create.external()) {
            throw notSupported("CREATE EXTERNAL TABLE (tables over external files come with the lakehouse catalog)");
        }
        SqlNodeList columns = null;
        if (create.columns().isPresent()) {
            List<SqlNode> list = new ArrayList<>();
            SqlNodeList declared = create.columns().get();
            for (int i = 0; i < declared.size(); i += 2) {
                list.add(declared.get(i));
                list.add(expression(declared.get(i + 1)));
            }
            columns = new SqlNodeList(list, declared.getParserPosition());
        }
        SqlNode query = create.query().map(this::expression).orElse(null);
        if (target == Dialect.SPARK) {
            return new SqlCreateTable(create.getParserPosition(), create.replace(), false, create.ifNotExists(), create.name(), columns,
                    create.format().orElse(null), create.partitionedBy().orElse(null), query, List.of());
        }
        // The storage format and partitioning of a table are the engine's own; they do not change any answer. A
        // lakehouse table keeps its partitions on the engines that write them into Iceberg's spec: Flink's PARTITIONED
        // BY, Trino's partitioning property.
        SqlIdentifier name = tableName(create.name());
        SqlNodeList partitions = create.partitionedBy().filter(list -> name.names.size() == 3 && name.names.get(0).equalsIgnoreCase(LAKEHOUSE)).orElse(null);
        if (partitions != null && target == Dialect.TRINO) {
            List<String> quoted = new ArrayList<>();
            for (SqlNode partition : partitions) {
                quoted.add("'" + Util.last(((SqlIdentifier) partition).names).replace("'", "''") + "'");
            }
            return new SqlCreateTable(create.getParserPosition(), create.replace(), false, create.ifNotExists(), name,
                    columns, null, null, query, List.of(), "partitioning = ARRAY[" + String.join(", ", quoted) + "]");
        }
        return new SqlCreateTable(create.getParserPosition(), create.replace(), false, create.ifNotExists(), name,
                columns, null, target == Dialect.FLINK ? partitions : null, query, List.of());
    }

    /**
     * ALTER TABLE and TRUNCATE TABLE in the engine's words. DuckDB and Trino change one column per statement: DuckDB
     * runs several in one transaction, Trino (whose client takes one statement at a time) is refused more than one.
     */
    private SqlNode alterTable(SqlAlterTable alter)
    {
        SqlParserPos pos = alter.getParserPosition();
        List<SqlIdentifier> columns = alter.columnNames();
        List<SqlNode> types = alter.columnTypes().stream().map(this::expression).toList();
        if (target == Dialect.SPARK) {
            if (alter.action() != SqlAlterTable.Action.ADD_COLUMNS) {
                return alter;
            }
            List<SqlNode> declared = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                declared.add(columns.get(i));
                declared.add(types.get(i));
            }
            return new SqlAlterTable(pos, alter.action(), alter.name(), new SqlNodeList(declared, alter.columns().getParserPosition()), null);
        }
        SqlIdentifier table = tableName(alter.name());
        String alterTable = "ALTER TABLE ";
        switch (alter.action()) {
            case TRUNCATE -> {
                return new SqlRawStatement(pos, target == Dialect.DUCKDB ? "TRUNCATE " : "TRUNCATE TABLE ", table);
            }
            case RENAME_TO -> {
                // DuckDB renames within the table's schema: the new name is one part.
                SqlIdentifier newName = alter.newName().orElseThrow();
                SqlIdentifier renamed = target == Dialect.DUCKDB ? new SqlIdentifier(Util.last(newName.names), newName.getParserPosition()) : tableName(newName);
                return new SqlRawStatement(pos, alterTable, table, " RENAME TO ", renamed);
            }
            case RENAME_COLUMN -> {
                return new SqlRawStatement(pos, alterTable, table, target == Dialect.FLINK ? " RENAME " : " RENAME COLUMN ", columns.get(0), " TO ",
                        alter.newName().orElseThrow());
            }
            case ADD_COLUMNS, DROP_COLUMNS -> {
                boolean add = alter.action() == SqlAlterTable.Action.ADD_COLUMNS;
                if (target == Dialect.FLINK) {
                    List<Object> parts = new ArrayList<>(List.of(alterTable, table, add ? " ADD (" : " DROP ("));
                    for (int i = 0; i < columns.size(); i++) {
                        parts.add(i == 0 ? "" : ", ");
                        parts.add(columns.get(i));
                        if (add) {
                            parts.add(" ");
                            parts.add(types.get(i));
                        }
                    }
                    parts.add(")");
                    return new SqlRawStatement(pos, parts.toArray());
                }
                if (target == Dialect.TRINO && columns.size() > 1) {
                    throw notSupported((add ? "adding" : "dropping") + " more than one column in one ALTER TABLE");
                }
                List<SqlNode> statements = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    statements.add(add
                            ? new SqlRawStatement(pos, alterTable, table, " ADD COLUMN ", columns.get(i), " ", types.get(i))
                            : new SqlRawStatement(pos, alterTable, table, " DROP COLUMN ", columns.get(i)));
                }
                if (statements.size() == 1) {
                    return statements.get(0);
                }
                statements.add(0, new SqlRawStatement(pos, "BEGIN TRANSACTION"));
                statements.add(new SqlRawStatement(pos, "COMMIT"));
                return new SqlScript(pos, statements);
            }
            default -> throw new IllegalStateException("Unexpected action " + alter.action());
        }
    }

    /**
     * ANALYZE TABLE in the engine's words: Spark's and Flink's own (Flink has no NOSCAN), Trino's {@code ANALYZE t [WITH
     * (columns = ARRAY[...])]}, DuckDB's {@code ANALYZE t} (DuckDB keeps no statistics it would show; it is accepted).
     */
    private SqlNode analyze(SqlAnalyzeTable analyze)
    {
        SqlParserPos pos = analyze.getParserPosition();
        SqlIdentifier table = tableName(analyze.name());
        switch (target) {
            case SPARK -> {
                return analyze.withName(table);
            }
            case FLINK -> {
                if (analyze.scope() == SqlAnalyzeTable.Scope.NOSCAN) {
                    throw notSupported("ANALYZE TABLE ... NOSCAN");
                }
                return analyze.withName(table);
            }
            case TRINO -> {
                if (analyze.scope() != SqlAnalyzeTable.Scope.COLUMNS) {
                    return new SqlRawStatement(pos, "ANALYZE ", table);
                }
                List<Object> parts = new ArrayList<>(List.of("ANALYZE ", table, " WITH (columns = ARRAY["));
                for (int i = 0; i < analyze.columns().size(); i++) {
                    parts.add((i == 0 ? "'" : ", '") + analyze.columns().get(i).getSimple().replace("'", "''") + "'");
                }
                parts.add("])");
                return new SqlRawStatement(pos, parts.toArray());
            }
            case DUCKDB -> {
                return new SqlRawStatement(pos, "ANALYZE ", table);
            }
            default -> throw notSupported("ANALYZE TABLE");
        }
    }

    private SqlNode insertOverwrite(SqlInsertOverwrite overwrite)
    {
        SqlIdentifier table = tableName((SqlIdentifier) overwrite.getTargetTable());
        SqlNode source = expression(overwrite.getSource());
        SqlParserPos pos = overwrite.getParserPosition();
        return switch (target) {
            case SPARK -> new SqlInsertOverwrite(pos, table, source, overwrite.getTargetColumnList());
            case FLINK -> new SqlInsertOverwrite(pos, table, source, overwrite.getTargetColumnList(), false);
            // The source may read the table itself: it is computed before the table is emptied, all in one transaction.
            case DUCKDB -> {
                SqlIdentifier staged = new SqlIdentifier("__sluice_overwrite_" + UUID.randomUUID().toString().replace("-", ""), pos);
                yield new SqlScript(pos, List.of(
                        new SqlRawStatement(pos, "BEGIN TRANSACTION"),
                        new SqlRawStatement(pos, "CREATE TEMPORARY TABLE ", staged, " AS ", source),
                        new SqlRawStatement(pos, "DELETE FROM ", table),
                        new SqlInsert(pos, SqlNodeList.EMPTY, table,
                                new SqlRawStatement(pos, "SELECT * FROM ", staged), overwrite.getTargetColumnList()),
                        new SqlRawStatement(pos, "DROP TABLE ", staged),
                        new SqlRawStatement(pos, "COMMIT")));
            }
            case TRINO, HIVE -> throw notSupported("INSERT OVERWRITE");
        };
    }

    /** Maps the database part of a table name to the engine's schema. */
    private SqlIdentifier tableName(SqlIdentifier name)
    {
        if (name.names.size() < 2) {
            return name;
        }
        if (target == Dialect.SPARK && validation.isTemporaryTable(name.names)) {
            // Spark's temporary views belong to no database: qualified, Spark would look for a table.
            return new SqlIdentifier(name.names.get(name.names.size() - 1), name.getParserPosition());
        }
        List<String> names = new ArrayList<>(name.names);
        validation.engineTableName(name.names).ifPresent(table -> names.set(names.size() - 1, table));
        int database = names.size() - 2;
        // The current database of a session may be a catalog's ("tpch.tiny"): in the engine's SQL it is two parts.
        names.remove(database);
        names.addAll(database, List.of(databaseNames.apply(name.names.get(database)).split("\\.")));
        return new SqlIdentifier(names, name.getParserPosition());
    }

    private SqlNode expression(SqlNode node)
    {
        nameResultColumns(node);
        if (target == Dialect.FLINK) {
            typeNulls(node);
            stringResultColumns(node);
        }
        return node.accept(new ExpressionTranslator());
    }

    /**
     * Spark never answers CHAR (a string literal is a STRING, and CHAR columns are read as STRING), while Flink types a
     * literal {@code 'text'} as CHAR(4): the outermost query's CHAR columns become CASTs to STRING, named as before.
     */
    private void stringResultColumns(SqlNode query)
    {
        SqlNode body = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        if (!(body instanceof SqlSelect select)) {
            return;
        }
        List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
        boolean changed = false;
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
            if (validation.typeOf(expression).filter(type -> type.getSqlTypeName() == SqlTypeName.CHAR).isEmpty()) {
                continue;
            }
            SqlParserPos pos = expression.getParserPosition();
            SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, expression, TypeSpecs.toCalcite(SluiceType.STRING, pos));
            if (item.getKind() == SqlKind.AS) {
                ((SqlCall) item).setOperand(0, cast);
            }
            else {
                // A column keeps its name; an unnamed expression (nameResultColumns found no text for it) keeps Flink's EXPR$n.
                items.set(i, expression instanceof SqlIdentifier identifier && !identifier.isStar()
                        ? SqlStdOperatorTable.AS.createCall(pos, cast, new SqlIdentifier(Util.last(identifier.names), SqlParserPos.ZERO))
                        : cast);
                changed = true;
            }
        }
        if (changed) {
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        }
    }

    /**
     * Flink cannot type a bare NULL (Spark gives it its own NULL type), not even in VALUES where other rows give the
     * column a type: each one, in place, becomes a CAST to the type the validator gave it, else to the type its place
     * asks for (a VALUES column's, a CASE's for its results, BOOLEAN for a condition), else to the type of the first
     * typed operand beside it, else to STRING.
     */
    private static final RelDataType BOOLEAN = new SqlTypeFactoryImpl(SluiceTypeSystem.INSTANCE).createSqlType(SqlTypeName.BOOLEAN);

    private void typeNulls(SqlNode node)
    {
        if (node instanceof SqlNodeList list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null) {
                    typeNulls(list.get(i));
                }
            }
            return;
        }
        if (!(node instanceof SqlCall call) || call.getKind() == SqlKind.CAST) {
            return;
        }
        RelDataType type = validation.typeOf(call).orElse(null);
        if (call.getKind() == SqlKind.VALUES) {
            List<RelDataTypeField> columns = type == null || !type.isStruct() ? List.of() : type.getFieldList();
            for (SqlNode row : call.getOperandList()) {
                SqlCall rowCall = (SqlCall) row;
                for (int i = 0; i < rowCall.operandCount(); i++) {
                    typeNull(rowCall, i, i < columns.size() ? columns.get(i).getType() : null);
                }
            }
            return;
        }
        if (call instanceof SqlCase caseCall) {
            typeNulls(caseCall.getValueOperand());
            typeNulls(caseCall.getWhenOperands());
            SqlNodeList results = caseCall.getThenOperands();
            for (int i = 0; i < results.size(); i++) {
                if (SqlUtil.isNullLiteral(results.get(i), false)) {
                    results.set(i, typedNull(results.get(i), type));
                }
                else {
                    typeNulls(results.get(i));
                }
            }
            typeNull(caseCall, 3, type);
            return;
        }
        RelDataType sibling = null;
        for (SqlNode operand : call.getOperandList()) {
            RelDataType operandType = operand == null || SqlUtil.isNullLiteral(operand, false) ? null : validation.typeOf(operand).orElse(null);
            if (operandType != null && operandType.getSqlTypeName() != SqlTypeName.NULL) {
                sibling = operandType;
                break;
            }
        }
        boolean logical = call.getKind() == SqlKind.AND || call.getKind() == SqlKind.OR || call.getKind() == SqlKind.NOT;
        for (int i = 0; i < call.operandCount(); i++) {
            // Conditions are BOOLEAN: the operands of AND, OR and NOT, and if()'s first.
            boolean condition = logical || (i == 0 && call.getOperator().getName().equalsIgnoreCase("if"));
            typeNull(call, i, condition ? BOOLEAN : sibling);
        }
    }

    /** Types operand {@code i} of {@code call} if it is a bare NULL (see {@link #typeNulls}), else looks inside it. */
    private void typeNull(SqlCall call, int i, RelDataType placeType)
    {
        SqlNode operand = call.operand(i);
        if (operand == null) {
            return;
        }
        if (!SqlUtil.isNullLiteral(operand, false)) {
            typeNulls(operand);
            return;
        }
        try {
            call.setOperand(i, typedNull(operand, placeType));
        }
        catch (UnsupportedOperationException e) {
            // A clause that takes no expression (a keyword's NULL): left as it is.
        }
    }

    /** A CAST of a bare NULL: to the type its place asks for if it asks for BOOLEAN, else see {@link #typeNulls}. */
    private SqlNode typedNull(SqlNode literal, RelDataType placeType)
    {
        RelDataType type = placeType == BOOLEAN ? placeType
                : validation.typeOf(literal).filter(known -> known.getSqlTypeName() != SqlTypeName.NULL).orElse(placeType);
        SluiceType sluiceType = type == null || type.getSqlTypeName() == SqlTypeName.NULL ? SluiceType.STRING : TypeSpecs.fromRelType(type);
        return SqlStdOperatorTable.CAST.createCall(literal.getParserPosition(), literal, TypeSpecs.toCalcite(sluiceType, literal.getParserPosition()));
    }

    /**
     * The outermost query's unaliased expressions would take the engine's name for the translated expression;
     * like Spark, they are named after the expression as the user wrote it.
     */
    private void nameResultColumns(SqlNode query)
    {
        SqlNode body = query instanceof SqlOrderBy orderBy ? orderBy.query : query;
        // Spark names its result columns itself; aliases would also make qualified ORDER BY keys ambiguous there.
        if (!(body instanceof SqlSelect select) || validation.source().isEmpty() || target == Dialect.SPARK) {
            return;
        }
        String source = validation.source().get();
        List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
        boolean changed = false;
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier || isExplode(item)) {
                continue;
            }
            Optional<String> text = text(source, item.getParserPosition());
            if (text.isPresent()) {
                items.set(i, SqlStdOperatorTable.AS.createCall(item.getParserPosition(), item, new SqlIdentifier(text.get(), SqlParserPos.ZERO)));
                changed = true;
            }
        }
        if (changed) {
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
        }
    }

    private static boolean isExplode(SqlNode node)
    {
        SqlNode expression = node.getKind() == SqlKind.AS ? ((SqlCall) node).operand(0) : node;
        return expression instanceof SqlCall call && call.getOperator().getName().equalsIgnoreCase("explode") && call.operandCount() == 1;
    }

    /** The text of a node as the user wrote it (whitespace runs as one space), if its position is known and it is short. */
    public static Optional<String> sourceText(String source, SqlParserPos pos)
    {
        return text(source, pos);
    }

    private static Optional<String> text(String source, SqlParserPos pos)
    {
        if (pos.getLineNum() <= 0 || pos.getEndLineNum() <= 0) {
            return Optional.empty();
        }
        int start = offset(source, pos.getLineNum(), pos.getColumnNum());
        int end = offset(source, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
        if (start < 0 || end > source.length() || start >= end) {
            return Optional.empty();
        }
        String text = source.substring(start, end).replaceAll("\\s+", " ").strip();
        return text.isEmpty() || text.length() > 128 ? Optional.empty() : Optional.of(text);
    }

    private static int offset(String source, int line, int column)
    {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            offset = source.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return -1;
            }
        }
        return offset + column - 1;
    }

    private SluiceException notSupported(String construct)
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, format("Not supported in %s: %s", target.settingValue(), construct));
    }

    private final class ExpressionTranslator
            extends SqlShuttle
    {
        /** Types an expression takes from where it stands (an empty array() in a CASE), which its own type lacks. */
        private final Map<SqlNode, RelDataType> contextTypes = new IdentityHashMap<>();
        /** Integer arithmetic inside integer arithmetic (Flink): checked as part of the outermost operation. */
        private final Set<SqlNode> innerArithmetic = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The translations of the operands of integer arithmetic (Flink), by the validated operand. */
        private final Map<SqlNode, SqlNode> translatedOperands = new IdentityHashMap<>();

        @Override
        public SqlNode visit(SqlLiteral literal)
        {
            if (target == Dialect.DUCKDB && literal instanceof SqlBinaryStringLiteral binary) {
                // DuckDB reads X'..' as text; its blobs are strings of \xHH escapes cast to BLOB.
                String hex = binary.getValueAs(BitString.class).toHexString();
                StringBuilder escaped = new StringBuilder(hex.length() * 2);
                for (int i = 0; i + 1 < hex.length(); i += 2) {
                    escaped.append("\\x").append(hex, i, i + 2);
                }
                SqlParserPos pos = literal.getParserPosition();
                return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(escaped.toString(), pos),
                        TypeSpecs.targetSpec(TypeSpecs.render(SluiceType.BINARY, target), pos));
            }
            return literal;
        }

        @Override
        public SqlNode visit(SqlDataTypeSpec spec)
        {
            SluiceType type = TypeSpecs.toSluiceType(spec, Dialect.SPARK);
            return TypeSpecs.targetSpec(TypeSpecs.render(type, target), spec.getParserPosition());
        }

        @Override
        public SqlNode visit(SqlCall call)
        {
            if (isCheckedIntegerArithmetic(call)) {
                for (SqlNode operand : call.getOperandList()) {
                    if (isCheckedIntegerArithmetic(operand)) {
                        innerArithmetic.add(operand);
                    }
                }
            }
            if (call instanceof SqlCase caseCall) {
                validation.typeOf(call).ifPresent(type -> {
                    List<SqlNode> results = new ArrayList<>(caseCall.getThenOperands().getList());
                    results.add(caseCall.getElseOperand());
                    for (SqlNode result : results) {
                        if (result instanceof SqlCall branch && branch.operandCount() == 0) {
                            contextTypes.put(branch, type);
                        }
                    }
                });
            }
            List<RelDataType> operandTypes = new ArrayList<>();
            for (SqlNode operand : call.getOperandList()) {
                operandTypes.add(operand == null ? null : validation.typeOf(operand).orElse(null));
            }
            Optional<SqlNode> selfComparison = target == Dialect.FLINK ? selfComparison(call) : Optional.empty();
            if (selfComparison.isPresent()) {
                return selfComparison.get();
            }
            return switch (call.getKind()) {
                case SELECT -> select((SqlSelect) call);
                case ORDER_BY -> orderBy((SqlOrderBy) call);
                case WINDOW -> window((SqlWindow) call);
                case JOIN -> join((SqlJoin) call);
                case LAMBDA -> lambda((SqlLambda) call);
                case COLLECTION_TABLE -> collectionTable(call);
                case FILTER, OVER, WITHIN_GROUP -> aggregateClause(call);
                case CAST, SAFE_CAST -> cast(call, operandTypes);
                case ITEM -> subscript(call, operandTypes);
                case DIVIDE -> divide(call, operandTypes);
                case MOD -> modulo(call);
                case EXTRACT -> extract(call);
                case TRIM -> trim(call);
                case LIKE -> like(call);
                case RLIKE -> rlike(call);
                case PLUS, MINUS -> isDateDays(call, operandTypes)
                        ? function(call, call.getKind() == SqlKind.PLUS ? "date_add" : "date_sub", operandTypes)
                        : checkedIntegerArithmetic(call, operandTypes, datetimeArithmetic(call, operandTypes));
                case TIMES -> checkedIntegerArithmetic(call, operandTypes, other(call, operandTypes));
                case POSITION -> function(call, "locate", operandTypes);
                case DOT -> fieldAccess(call);
                case INTERVAL -> interval(call);
                case UNNEST -> unnest(call, operandTypes);
                case ARRAY_VALUE_CONSTRUCTOR, MAP_VALUE_CONSTRUCTOR -> function(call, call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR ? "array" : "map", operandTypes);
                default -> other(call, operandTypes);
            };
        }

        private SqlNode other(SqlCall call, List<RelDataType> operandTypes)
        {
            SqlOperator operator = call.getOperator();
            if (operator == SparkOperators.DIV) {
                return integralDivide(call, operandTypes);
            }
            if (operator == SparkOperators.BITWISE_NOT) {
                return operatorTemplate(call, "~", "~{0}", "bitwise_not({0})", "~{0}");
            }
            if (operator == SqlStdOperatorTable.BITXOR_OPERATOR) {
                return operatorTemplate(call, "^", "xor({0}, {1})", "bitwise_xor({0}, {1})", "({0} ^ {1})");
            }
            if (operator == SparkOperators.BITWISE_OR) {
                return operatorTemplate(call, "|", "({0} | {1})", "bitwise_or({0}, {1})", "({0} | {1})");
            }
            if (operator == SqlStdOperatorTable.BITAND_OPERATOR) {
                return operatorTemplate(call, "&", "({0} & {1})", "bitwise_and({0}, {1})", "({0} & {1})");
            }
            if (operator instanceof SqlFunction && operator.getSyntax() == SqlSyntax.FUNCTION_ID) {
                // CURRENT_DATE, CURRENT_TIMESTAMP, ...: Spark's CURRENT_TIMESTAMP has no zone.
                if (call.getKind() == SqlKind.OTHER_FUNCTION && operator.getName().equalsIgnoreCase("CURRENT_TIMESTAMP")
                        && target == Dialect.DUCKDB) {
                    return context("current_timestamp", call, operandTypes).template("CAST(current_timestamp AS TIMESTAMP)");
                }
                return call;
            }
            if (operator instanceof SqlFunction) {
                return function(call, operator.getName(), operandTypes);
            }
            return super.visit(call);
        }

        private SqlNode function(SqlCall call, String name, List<RelDataType> operandTypes)
        {
            String key = name.toLowerCase(Locale.ROOT);
            FunctionCatalog.Definition definition = functions.lookup(key).orElseThrow(() ->
                    new SluiceException(ErrorCode.NOT_SUPPORTED, format("Function %s is not supported by Sluice", key)));
            if (!definition.readIn(input)) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED,
                        format("Function %s is not supported in %s input: Sluice reads it with Spark's meaning only", key, input.settingValue()));
            }
            if (definition.aggregate()) {
                return aggregate(call, operandTypes, null, null);
            }
            SqlCall translated = translateOperands(call);
            Optional<RelDataType> type = Optional.ofNullable(contextTypes.get(call)).or(() -> validation.typeOf(call));
            CallContext context = new CallContext(key, translated, operandTypes, input, target, type);
            return definition.rewrite(target).orElseThrow(() -> context.unsupported("")).apply(context);
        }

        /**
         * An aggregate, with its FILTER condition and OVER window if it has them: the engine's function, the extra
         * condition the engine needs ANDed into FILTER, and the wrapper around the whole.
         */
        private SqlNode aggregate(SqlCall aggregate, List<RelDataType> operandTypes, SqlNode filter, SqlNode window)
        {
            String key = aggregate.getOperator().getName().toLowerCase(Locale.ROOT);
            FunctionCatalog.Definition definition = functions.lookup(key).orElseThrow(() ->
                    new SluiceException(ErrorCode.NOT_SUPPORTED, format("Function %s is not supported by Sluice", key)));
            SqlCall translated = translateOperands(aggregate);
            CallContext called = new CallContext(key, translated, operandTypes, input, target);
            AggregateRewrite rewrite = definition.aggregateRewrite(target).orElseThrow(() -> called.unsupported("")).apply(called);
            CallContext context = called;
            boolean distinct = rewrite.distinct() || translated.getFunctionQuantifier() != null
                    && "DISTINCT".equals(translated.getFunctionQuantifier().toValue());
            String arguments = translated.operandCount() == 0 ? "" : rewrite.arguments();
            SqlParserPos pos = aggregate.getParserPosition();
            SqlNode condition = filter;
            if (rewrite.filterInArguments() && condition != null) {
                List<SqlNode> operands = new ArrayList<>();
                for (SqlNode operand : translated.getOperandList()) {
                    operands.add(new SqlCase(pos, null, SqlNodeList.of(condition), SqlNodeList.of(operand), SqlLiteral.createNull(pos)));
                }
                translated = new SqlBasicCall(translated.getOperator(), operands, pos, translated.getFunctionQuantifier());
                context = new CallContext(key, translated, operandTypes, input, target);
                condition = null;
            }
            if (rewrite.extraFilter().isPresent()) {
                SqlNode extra = context.template(rewrite.extraFilter().get());
                condition = condition == null ? extra : SqlStdOperatorTable.AND.createCall(pos, condition, extra);
            }
            List<SqlNode> aggregates = new ArrayList<>();
            aggregates.add(windowed(context.template(rewrite.function() + "(" + (distinct ? "DISTINCT " : "") + arguments + ")"), condition, window, pos));
            for (String companion : rewrite.companions()) {
                aggregates.add(windowed(context.template(companion), condition, window, pos));
            }
            if (rewrite.wrapper().isEmpty()) {
                return aggregates.get(0);
            }
            String wrapper = rewrite.wrapper().get().replace("{agg}", "{0}");
            for (int i = 1; i < aggregates.size(); i++) {
                wrapper = wrapper.replace("{agg" + i + "}", "{" + i + "}");
            }
            // The call's arguments follow the aggregates.
            List<SqlNode> operands = new ArrayList<>(aggregates);
            for (int i = 0; i < translated.operandCount(); i++) {
                wrapper = wrapper.replace("{arg" + i + "}", "{" + operands.size() + "}");
                operands.add(translated.operand(i));
            }
            return context.template(wrapper, operands);
        }

        /** The aggregate with its FILTER condition and OVER window, where it has them. */
        private static SqlNode windowed(SqlNode aggregate, SqlNode condition, SqlNode window, SqlParserPos pos)
        {
            SqlNode result = aggregate;
            if (condition != null) {
                result = SqlStdOperatorTable.FILTER.createCall(pos, result, condition);
            }
            if (window != null) {
                result = SqlStdOperatorTable.OVER.createCall(pos, result, window);
            }
            return result;
        }

        private SqlNode aggregateClause(SqlCall call)
        {
            if (call.getKind() == SqlKind.WITHIN_GROUP) {
                throw notSupported("WITHIN GROUP");
            }
            SqlNode filter = null;
            SqlNode window = null;
            SqlCall inner = call;
            if (call.getKind() == SqlKind.OVER) {
                window = call.operand(1).accept(this);
                if (!(call.operand(0) instanceof SqlCall operand)) {
                    return super.visit(call);
                }
                inner = operand;
            }
            if (inner.getKind() == SqlKind.FILTER) {
                filter = inner.operand(1).accept(this);
                inner = (SqlCall) inner.operand(0);
            }
            if (inner.getKind() == SqlKind.RESPECT_NULLS) {
                // What every aggregate and window function of Spark's does anyway.
                inner = (SqlCall) inner.operand(0);
            }
            else if (inner.getKind() == SqlKind.IGNORE_NULLS) {
                throw notSupported("IGNORE NULLS");
            }
            List<RelDataType> operandTypes = new ArrayList<>();
            for (SqlNode operand : inner.getOperandList()) {
                operandTypes.add(operand == null ? null : validation.typeOf(operand).orElse(null));
            }
            return aggregate(inner, operandTypes, filter, window);
        }

        private SqlCall translateOperands(SqlCall call)
        {
            List<SqlNode> operands = new ArrayList<>();
            for (SqlNode operand : call.getOperandList()) {
                // The validator's expansion of NATURAL and USING joins aliases operands inside COALESCE.
                if (operand != null && operand.getKind() == SqlKind.AS) {
                    operand = ((SqlCall) operand).operand(0);
                }
                operands.add(operand == null ? null : operand.accept(this));
            }
            return new SqlBasicCall(call.getOperator(), operands, call.getParserPosition(), call.getFunctionQuantifier());
        }

        private SqlNode select(SqlSelect select)
        {
            if (select.hasHints()) {
                List<SqlNode> kept = new ArrayList<>();
                for (SqlNode hint : select.getHints()) {
                    if (!((SqlHint) hint).getName().equalsIgnoreCase("ENGINE")) {
                        kept.add(hint);
                    }
                }
                select.setHints(new SqlNodeList(kept, select.getHints().getParserPosition()));
            }
            if (select.getFrom() != null) {
                select.setFrom(tableReferences(select.getFrom()));
            }
            if ((target == Dialect.TRINO || target == Dialect.FLINK) && select.getSelectList().stream().anyMatch(Translator::isExplode)) {
                return explodeInSelectList(select);
            }
            if (target == Dialect.TRINO && select.getGroup() != null) {
                for (SqlNode item : select.getGroup()) {
                    requireColumnsInGroupingSets(item, false);
                }
            }
            SqlSelect translated = (SqlSelect) super.visit(select);
            if (translated.getOrderList() != null) {
                translated.setOrderBy(explicitNulls(translated.getOrderList()));
            }
            if (target == Dialect.FLINK && lagOrLeadBesideAnotherWindow(translated.getSelectList())) {
                // Seen in Flink 2.1: "Index 5 out of bounds for length 2" from its planner.
                throw notSupported("lag() or lead() next to a window function over another window");
            }
            return translated;
        }

        /** Whether the select list has lag or lead over one window and a window function over another. */
        private static boolean lagOrLeadBesideAnotherWindow(SqlNodeList selectList)
        {
            Set<String> windows = new HashSet<>();
            boolean[] lagOrLead = {false};
            selectList.accept(new SqlBasicVisitor<Void>()
            {
                @Override
                public Void visit(SqlCall call)
                {
                    if (call instanceof SqlSelect) {
                        return null;
                    }
                    if (call.getKind() == SqlKind.OVER) {
                        // Seen to fail: other partitions or orders. Seen to work: OVER (), another frame of the same order.
                        SqlNode window = call.operand(1);
                        if (!(window instanceof SqlWindow spec)) {
                            windows.add(String.valueOf(window));
                        }
                        else if (spec.getPartitionList().size() + spec.getOrderList().size() > 0) {
                            windows.add(spec.getPartitionList() + " ORDER BY " + spec.getOrderList());
                        }
                        // The function is written from a template by now: told by its text.
                        String function = String.valueOf(call.operand(0)).toLowerCase(Locale.ROOT);
                        if (function.startsWith("lag(") || function.startsWith("lead(")) {
                            lagOrLead[0] = true;
                        }
                    }
                    return super.visit(call);
                }
            });
            return lagOrLead[0] && windows.size() > 1;
        }

        /**
         * Spark's generator in a select list, {@code SELECT a, explode(arr) AS x FROM t}, where Trino and Flink have
         * UNNEST only: {@code SELECT a, "$explode"."col" AS x FROM t CROSS JOIN UNNEST(arr) AS "$explode"("col")}. Each
         * row of t gives a row per element; an empty or NULL array gives none, as in Spark. One generator per select
         * list, over an array, without GROUP BY (Spark's own limits, or close to them).
         */
        private SqlNode explodeInSelectList(SqlSelect select)
        {
            List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
            SqlNode argument = null;
            SqlParserPos pos = select.getParserPosition();
            SqlIdentifier generated = new SqlIdentifier(List.of("$explode", "col"), pos);
            for (int i = 0; i < items.size(); i++) {
                SqlNode item = items.get(i);
                SqlNode expression = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
                if (!isExplode(expression)) {
                    continue;
                }
                if (argument != null) {
                    throw notSupported("more than one explode() in a select list");
                }
                argument = ((SqlCall) expression).operand(0);
                if (validation.typeOf(argument).filter(type -> type.getSqlTypeName() == SqlTypeName.ARRAY).isEmpty()) {
                    throw notSupported("explode() of other than an array in a select list; use LATERAL VIEW for maps");
                }
                SqlIdentifier alias = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(1) : new SqlIdentifier("col", pos);
                items.set(i, SqlStdOperatorTable.AS.createCall(pos, generated, alias));
            }
            if (select.getGroup() != null || select.getHaving() != null) {
                throw notSupported("explode() in a select list with GROUP BY");
            }
            SqlNode unnestArgument = argument.accept(this);
            select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
            SqlNode from = select.getFrom();
            select.setFrom(null);
            SqlSelect translated = (SqlSelect) super.visit(select);
            SqlNode unnest = SqlStdOperatorTable.AS.createCall(pos, SqlStdOperatorTable.UNNEST.createCall(pos, unnestArgument),
                    new SqlIdentifier("$explode", pos), new SqlIdentifier("col", pos));
            translated.setFrom(from == null ? unnest : new SqlJoin(pos, from.accept(this), SqlLiteral.createBoolean(false, pos),
                    JoinType.CROSS.symbol(pos), unnest, JoinConditionType.NONE.symbol(pos), null));
            if (translated.getOrderList() != null) {
                translated.setOrderBy(explicitNulls(translated.getOrderList()));
            }
            return translated;
        }

        /** Trino's ROLLUP, CUBE and GROUPING SETS take column references only, where Spark takes any expression. */
        private void requireColumnsInGroupingSets(SqlNode item, boolean inGroupingSet)
        {
            if (item instanceof SqlNodeList list) {
                for (SqlNode element : list) {
                    requireColumnsInGroupingSets(element, true);
                }
                return;
            }
            SqlKind kind = item.getKind();
            if (kind == SqlKind.ROLLUP || kind == SqlKind.CUBE || kind == SqlKind.GROUPING_SETS || (inGroupingSet && kind == SqlKind.ROW)) {
                for (SqlNode operand : ((SqlCall) item).getOperandList()) {
                    requireColumnsInGroupingSets(operand, true);
                }
            }
            else if (inGroupingSet && !(item instanceof SqlIdentifier)) {
                throw notSupported("ROLLUP, CUBE or GROUPING SETS over an expression (" + item + "); group by a column of a subquery instead");
            }
        }

        private SqlNode orderBy(SqlOrderBy orderBy)
        {
            return new SqlOrderBy(orderBy.getParserPosition(), orderBy.query.accept(this),
                    explicitNulls((SqlNodeList) orderBy.orderList.accept(this)),
                    orderBy.offset == null ? null : orderBy.offset.accept(this),
                    orderBy.fetch == null ? null : orderBy.fetch.accept(this));
        }

        private SqlNode window(SqlWindow window)
        {
            SqlWindow translated = (SqlWindow) super.visit(window);
            if (translated.getOrderList() != null) {
                translated.setOrderList(explicitNulls(translated.getOrderList()));
            }
            return translated;
        }

        /** Spark sorts NULLs first ascending and last descending; every sort key says so for the engine. */
        private SqlNodeList explicitNulls(SqlNodeList orderList)
        {
            if (target == Dialect.SPARK) {
                return orderList;
            }
            List<SqlNode> items = new ArrayList<>();
            boolean nullsLow = input != Dialect.TRINO && input != Dialect.DUCKDB;
            for (SqlNode item : orderList) {
                SqlKind kind = item.getKind();
                if (kind == SqlKind.NULLS_FIRST || kind == SqlKind.NULLS_LAST) {
                    items.add(item);
                    continue;
                }
                boolean descending = kind == SqlKind.DESCENDING;
                boolean nullsFirst = nullsLow != descending;
                items.add((nullsFirst ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST)
                        .createCall(item.getParserPosition(), item));
            }
            return new SqlNodeList(items, orderList.getParserPosition());
        }

        /**
         * Maps database names of the tables in a FROM clause to the engine's schemas; a table the engine reads through
         * a query (a lakehouse table on DuckDB) becomes that query, under the table's name or alias.
         */
        private SqlNode tableReferences(SqlNode from)
        {
            if (SparkTableSample.sample(from).isPresent()) {
                // Without an alias of the user's, the validator named the table inside the reference (t AS t): the
                // name goes outside the sample.
                SqlNode inner = ((SqlCall) from).operand(0);
                SqlIdentifier alias = inner.getKind() == SqlKind.AS
                        ? ((SqlCall) inner).operand(1)
                        : new SqlIdentifier(Util.last(((SqlIdentifier) inner).names), inner.getParserPosition());
                return SqlStdOperatorTable.AS.createCall(from.getParserPosition(), sampled(from), alias);
            }
            if (from.getKind() == SqlKind.AS && SparkTableSample.sample(((SqlCall) from).operand(0)).isPresent()) {
                ((SqlCall) from).setOperand(0, sampled(((SqlCall) from).operand(0)));
                return from;
            }
            if (from instanceof SqlIdentifier identifier) {
                Optional<String> scan = validation.tableScan(identifier.names);
                if (scan.isPresent()) {
                    SqlIdentifier alias = new SqlIdentifier(identifier.names.get(identifier.names.size() - 1), identifier.getParserPosition());
                    return SqlStdOperatorTable.AS.createCall(identifier.getParserPosition(), scanQuery(scan.get(), identifier), alias);
                }
                return tableName(identifier);
            }
            if (from instanceof SqlJoin join) {
                join.setLeft(tableReferences(join.getLeft()));
                join.setRight(tableReferences(join.getRight()));
                return join;
            }
            if (from.getKind() == SqlKind.AS && ((SqlCall) from).operand(0) instanceof SqlIdentifier identifier) {
                Optional<String> scan = validation.tableScan(identifier.names);
                ((SqlCall) from).setOperand(0, scan.isPresent() ? scanQuery(scan.get(), identifier) : tableName(identifier));
            }
            if (SparkTimeTravel.timeTravel(from).isPresent()) {
                // The validator names the table inside the reference (t AS t): the name goes outside.
                SqlNode inner = SparkTimeTravel.table(from);
                SqlIdentifier table = timeTravelTable(from);
                SqlIdentifier alias = inner.getKind() == SqlKind.AS ? ((SqlCall) inner).operand(1) : new SqlIdentifier(Util.last(table.names), table.getParserPosition());
                return SqlStdOperatorTable.AS.createCall(table.getParserPosition(), timeTravel(table, SparkTimeTravel.timeTravel(from).orElseThrow()), alias);
            }
            if (from.getKind() == SqlKind.AS && SparkTimeTravel.timeTravel(((SqlCall) from).operand(0)).isPresent()) {
                SqlNode reference = ((SqlCall) from).operand(0);
                ((SqlCall) from).setOperand(0, timeTravel(timeTravelTable(reference), SparkTimeTravel.timeTravel(reference).orElseThrow()));
            }
            return from;
        }

        /**
         * A sampled table, without its alias, in the engine's words: Spark's own; a percentage as DuckDB's and Trino's
         * Bernoulli sample (each row kept on its own, as Spark samples), in a subquery so that the alias can follow; a
         * number of rows as a limit, which is what Spark runs. Flink has no sample.
         */
        private SqlNode sampled(SqlNode reference)
        {
            SparkTableSample.Sample sample = SparkTableSample.sample(reference).orElseThrow();
            SqlNode table = tableReferences(SparkTableSample.withoutSample(reference));
            if (table.getKind() == SqlKind.AS) {
                table = ((SqlCall) table).operand(0);
            }
            SqlParserPos pos = reference.getParserPosition();
            String seed = sample.seed().isPresent() ? Long.toString(sample.seed().getAsLong()) : null;
            if (target == Dialect.SPARK) {
                return new SqlRawStatement(pos, table, " TABLESAMPLE (" + sample.amountText() + " " + sample.kind() + ")"
                        + (seed == null ? "" : " REPEATABLE (" + seed + ")"));
            }
            if (sample.kind() == SparkTableSample.Kind.ROWS) {
                return new SqlRawStatement(pos, "(SELECT * FROM ", table, " LIMIT " + sample.amountText() + ")");
            }
            return switch (target) {
                case DUCKDB -> new SqlRawStatement(pos, "(SELECT * FROM ", table, " USING SAMPLE " + sample.amountText() + " PERCENT (bernoulli"
                        + (seed == null ? "" : ", " + seed) + "))");
                case TRINO -> {
                    if (seed != null) {
                        throw notSupported("TABLESAMPLE ... REPEATABLE (Trino's samples take no seed)");
                    }
                    yield new SqlRawStatement(pos, "(SELECT * FROM ", table, " TABLESAMPLE BERNOULLI (" + sample.amountText() + "))");
                }
                default -> throw notSupported("TABLESAMPLE (n PERCENT)");
            };
        }

        /** The table a time-travel reference reads, with or without the alias the validator gave it inside. */
        private static SqlIdentifier timeTravelTable(SqlNode reference)
        {
            SqlNode inner = SparkTimeTravel.table(reference);
            return (SqlIdentifier) (inner.getKind() == SqlKind.AS ? ((SqlCall) inner).operand(0) : inner);
        }

        /**
         * A table read as of a version or a point in time, in the engine's words: Spark's own, Trino's {@code FOR
         * VERSION|TIMESTAMP AS OF}, on DuckDB the scan of that snapshot of a lakehouse table.
         */
        private SqlNode timeTravel(SqlIdentifier table, TimeTravel travel)
        {
            SqlParserPos pos = table.getParserPosition();
            switch (target) {
                case SPARK -> {
                    return new SqlRawStatement(pos, tableName(table), " " + travel.sparkClause());
                }
                case TRINO -> {
                    String clause = travel.kind() == TimeTravel.Kind.VERSION
                            ? " FOR " + travel.sparkClause()
                            : " FOR TIMESTAMP AS OF TIMESTAMP '" + travel.value().replace("'", "''") + " UTC'";
                    return new SqlRawStatement(pos, tableName(table), clause);
                }
                case DUCKDB -> {
                    Optional<String> scan = validation.tableScan(table.names, travel);
                    if (scan.isEmpty()) {
                        throw notSupported("time travel (" + travel.kind() + " AS OF) of a table that is not a lakehouse table");
                    }
                    return scanQuery(scan.get(), table);
                }
                case FLINK -> {
                    // Iceberg's Flink source reads a snapshot given by table options (a dynamic table options hint).
                    return new SqlRawStatement(pos, tableName(table), " /*+ OPTIONS('" + flinkTimeTravelOption(travel) + "') */");
                }
                default -> throw notSupported("time travel (" + travel.kind() + " AS OF)");
            }
        }

        /** Iceberg's Flink read option for a time travel: {@code 'snapshot-id'='n'} or {@code 'as-of-timestamp'='millis'} (UTC). */
        private String flinkTimeTravelOption(TimeTravel travel)
        {
            String value = travel.value().trim();
            if (travel.kind() == TimeTravel.Kind.VERSION) {
                if (value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
                    throw notSupported("time travel to a branch or tag ('" + value + "'): name the snapshot by its id (VERSION AS OF <snapshot id>)");
                }
                return "snapshot-id'='" + value;
            }
            try {
                return "as-of-timestamp'='" + travel.epochMillisUtc();
            }
            catch (java.time.format.DateTimeParseException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "TIMESTAMP AS OF '" + value + "' is not a timestamp (yyyy-MM-dd[ HH:mm:ss[.ffffff]], UTC)", e);
            }
        }

        private static SqlNode scanQuery(String query, SqlIdentifier table)
        {
            return new SqlRawStatement(table.getParserPosition(), "(" + query + ")");
        }

        private SqlNode join(SqlJoin join)
        {
            JoinType type = join.getJoinType();
            boolean semiOrAnti = type == JoinType.LEFT_SEMI_JOIN || type == JoinType.LEFT_ANTI_JOIN;
            if (semiOrAnti && target == Dialect.HIVE) {
                throw notSupported(type == JoinType.LEFT_SEMI_JOIN ? "LEFT SEMI JOIN" : "LEFT ANTI JOIN");
            }
            if (target == Dialect.TRINO && join.isNatural()) {
                throw notSupported("NATURAL JOIN; name the columns with USING or ON");
            }
            if (target == Dialect.SPARK && join instanceof SqlLateralView.Join lateral) {
                return lateralView(lateral);
            }
            SqlJoin translated = (SqlJoin) super.visit(join);
            if (target == Dialect.TRINO && translated.getConditionType() == JoinConditionType.USING) {
                return usingAsOn(translated);
            }
            if (semiOrAnti && target == Dialect.DUCKDB) {
                return new SqlRawStatement(join.getParserPosition(), translated.getLeft(),
                        type == JoinType.LEFT_SEMI_JOIN ? " SEMI JOIN " : " ANTI JOIN ", translated.getRight(),
                        " ON ", translated.getCondition());
            }
            if (semiOrAnti && (target == Dialect.TRINO || target == Dialect.FLINK)) {
                return semiJoinAsExists(translated, type == JoinType.LEFT_ANTI_JOIN);
            }
            return translated;
        }

        /**
         * Trino and Flink have no semi or anti join: the left relation keeps its name over the rows for which some
         * (or, anti, no) right row meets the condition: {@code (SELECT * FROM l WHERE [NOT] EXISTS (SELECT 1 FROM r WHERE
         * cond)) AS l}. A condition that is NULL matches nothing, as in Spark.
         */
        private SqlNode semiJoinAsExists(SqlJoin join, boolean anti)
        {
            String what = anti ? "LEFT ANTI JOIN" : "LEFT SEMI JOIN";
            Optional<String> left = relationName(join.getLeft());
            if (left.isEmpty() || join.getLeft() instanceof SqlJoin) {
                throw notSupported(what + " whose left side is not one table or aliased subquery");
            }
            if (join.getConditionType() != JoinConditionType.ON || join.getCondition() == null) {
                throw notSupported(what + " without an ON condition");
            }
            SqlParserPos pos = join.getParserPosition();
            if (target == Dialect.FLINK && !leftColumnsOnlyInEqualities(join.getCondition(), left.get())) {
                // Flink decorrelates (r.x = 0 OR l.flag) by joining on l.flag, so a left row whose flag is NULL finds no
                // right row at all (found by the differential fuzzer; COALESCE or IS TRUE around it do not help).
                throw notSupported(what + " whose condition uses a column of the left side other than in an equality with the right side");
            }
            return new SqlRawStatement(pos, "(SELECT * FROM ", join.getLeft(), anti ? " WHERE NOT EXISTS (SELECT 1 FROM " : " WHERE EXISTS (SELECT 1 FROM ",
                    join.getRight(), " WHERE ", join.getCondition(), ")) AS ", new SqlIdentifier(left.get(), pos));
        }

        /** Whether every conjunct naming a column of {@code left} is an equality of a left and a right expression. */
        private static boolean leftColumnsOnlyInEqualities(SqlNode condition, String left)
        {
            if (condition instanceof SqlCall call && call.getKind() == SqlKind.AND) {
                return call.getOperandList().stream().allMatch(conjunct -> leftColumnsOnlyInEqualities(conjunct, left));
            }
            if (!namesColumnOf(condition, left)) {
                return true;
            }
            return condition instanceof SqlCall call && call.getKind() == SqlKind.EQUALS
                    && namesColumnOf(call.operand(0), left) != namesColumnOf(call.operand(1), left);
        }

        private static boolean namesColumnOf(SqlNode node, String relation)
        {
            if (node instanceof SqlIdentifier identifier) {
                return identifier.names.size() >= 2 && identifier.names.get(identifier.names.size() - 2).equals(relation);
            }
            if (node instanceof SqlCall call) {
                return call.getOperandList().stream().anyMatch(operand -> operand != null && namesColumnOf(operand, relation));
            }
            if (node instanceof SqlNodeList list) {
                return list.stream().anyMatch(item -> item != null && namesColumnOf(item, relation));
            }
            return false;
        }

        /**
         * Trino does not let a USING column be named with its table, as Spark does (a.id): between two named
         * relations, the join is written with ON; every column reference is qualified already.
         */
        private SqlJoin usingAsOn(SqlJoin join)
        {
            Optional<String> left = relationName(join.getLeft());
            Optional<String> right = relationName(join.getRight());
            if (left.isEmpty() || right.isEmpty()) {
                return join;
            }
            SqlNode condition = null;
            for (SqlNode column : (SqlNodeList) join.getCondition()) {
                String name = ((SqlIdentifier) column).getSimple();
                SqlNode equals = SqlStdOperatorTable.EQUALS.createCall(join.getParserPosition(),
                        new SqlIdentifier(List.of(left.get(), name), column.getParserPosition()),
                        new SqlIdentifier(List.of(right.get(), name), column.getParserPosition()));
                condition = condition == null ? equals : SqlStdOperatorTable.AND.createCall(join.getParserPosition(), condition, equals);
            }
            return new SqlJoin(join.getParserPosition(), join.getLeft(), SqlLiteral.createBoolean(false, join.getParserPosition()),
                    join.getJoinTypeNode(), join.getRight(), JoinConditionType.ON.symbol(join.getParserPosition()), condition);
        }

        private static Optional<String> relationName(SqlNode relation)
        {
            if (relation instanceof SqlIdentifier identifier) {
                return Optional.of(identifier.names.get(identifier.names.size() - 1));
            }
            if (relation.getKind() == SqlKind.AS) {
                return Optional.of(((SqlIdentifier) ((SqlCall) relation).operand(1)).getSimple());
            }
            return Optional.empty();
        }

        /** Spark reads LATERAL VIEW, not UNNEST: the view is written as it came, with its argument from the UNNEST. */
        private SqlNode lateralView(SqlLateralView.Join join)
        {
            SqlLateralView.Origin origin = join.origin();
            SqlNode argument = unnestArgument(join.getRight());
            List<Object> parts = new ArrayList<>();
            parts.add(join.getLeft().accept(this));
            parts.add(" LATERAL VIEW " + (origin.outer() ? "OUTER " : "") + origin.generator() + "(");
            parts.add(argument.accept(this));
            parts.add(") ");
            parts.add(origin.alias());
            for (int i = 0; i < origin.columns().size(); i++) {
                parts.add(i == 0 ? " AS " : ", ");
                parts.add(origin.columns().get(i));
            }
            return new SqlRawStatement(join.getParserPosition(), parts.toArray());
        }

        private SqlNode unnestArgument(SqlNode node)
        {
            if (node instanceof SqlCall call) {
                if (call.getKind() == SqlKind.UNNEST) {
                    return call.operand(0);
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        try {
                            return unnestArgument(operand);
                        }
                        catch (IllegalStateException e) {
                            // not in this operand
                        }
                    }
                }
            }
            if (node instanceof SqlSelect select && select.getFrom() != null) {
                return unnestArgument(select.getFrom());
            }
            throw new IllegalStateException("No UNNEST in " + node);
        }

        private SqlNode lambda(SqlLambda lambda)
        {
            SqlNode body = lambda.getExpression().accept(this);
            if (target == Dialect.SPARK && lambda.getParameters().size() == 1) {
                // Spark's grammar parenthesizes two or more lambda parameters only: x -> ..., not (x) -> ...
                return new SqlRawStatement(lambda.getParserPosition(), lambda.getParameters().get(0), " -> (", body, ")");
            }
            return new SqlLambda(lambda.getParserPosition(), lambda.getParameters(), body);
        }

        /** Spark's table function range(...) with its column id. */
        private SqlNode collectionTable(SqlCall table)
        {
            if (!(table.operand(0) instanceof SqlCall function) || !function.getOperator().getName().equalsIgnoreCase("range")) {
                throw notSupported("table function " + table.operand(0));
            }
            SqlCall translated = translateOperands(function);
            CallContext context = new CallContext("range", translated, List.of(), input, target);
            if (translated.operandCount() < 1 || translated.operandCount() > 3) {
                throw context.unsupportedArity();
            }
            String arguments = translated.operandCount() == 1 ? "0, {0}" : "{*}";
            return switch (target) {
                case SPARK -> context.atom("range({*})");
                case DUCKDB -> context.template("(SELECT range AS id FROM range(" + arguments + "))");
                case TRINO -> context.template(translated.operandCount() == 3
                        ? "(SELECT id FROM UNNEST(sequence(CAST({0} AS BIGINT), CAST({1} AS BIGINT) - 1, CAST({2} AS BIGINT))) AS t(id) WHERE id < {1})"
                        : translated.operandCount() == 2
                        ? "(SELECT id FROM UNNEST(sequence(CAST({0} AS BIGINT), CAST({1} AS BIGINT) - 1)) AS t(id))"
                        : "(SELECT id FROM UNNEST(sequence(CAST(0 AS BIGINT), CAST({0} AS BIGINT) - 1)) AS t(id))");
                case FLINK -> flinkRange(context, translated);
                case HIVE -> throw context.unsupported("");
            };
        }

        /**
         * Flink has no series table function: range(start, end, step) with literal bounds becomes a cross join of
         * ten-row VALUES, one per decimal digit of the row count, numbering 0 .. count - 1.
         */
        private SqlNode flinkRange(CallContext context, SqlCall range)
        {
            List<Long> values = new ArrayList<>();
            for (SqlNode operand : range.getOperandList()) {
                values.add(longLiteral(operand).orElseThrow(() -> context.unsupported("bounds that are not integer literals")));
            }
            long start = values.size() == 1 ? 0 : values.get(0);
            long end = values.size() == 1 ? values.get(0) : values.get(1);
            long step = values.size() == 3 ? values.get(2) : 1;
            if (step == 0) {
                throw context.unsupported("step 0");
            }
            long count = Math.max(0, Math.floorDiv(end - start + step - Long.signum(step), step));
            int digits = Long.toString(Math.max(count - 1, 1)).length();
            String ten = "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9))";
            StringBuilder number = new StringBuilder();
            StringBuilder tables = new StringBuilder();
            long weight = 1;
            for (int digit = 0; digit < digits; digit++, weight *= 10) {
                number.append(digit == 0 ? "" : " + " + weight + " * ").append("d").append(digit).append(".d");
                tables.append(digit == 0 ? "" : ", ").append(ten).append(" AS d").append(digit).append("(d)");
            }
            return context.atom("(SELECT CAST(" + start + " + " + step + " * n AS BIGINT) AS id FROM (SELECT " + number + " AS n FROM " + tables
                    + ") AS digits WHERE n < " + count + ")");
        }

        private static Optional<Long> longLiteral(SqlNode node)
        {
            if (node instanceof SqlNumericLiteral literal && literal.isInteger()) {
                return Optional.of(literal.longValue(true));
            }
            if (node instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX) {
                return longLiteral(call.operand(0)).map(value -> -value);
            }
            return Optional.empty();
        }

        private SqlNode cast(SqlCall call, List<RelDataType> operandTypes)
        {
            SqlNode value = call.operand(0).accept(this);
            SqlDataTypeSpec spec = (SqlDataTypeSpec) call.operand(1);
            SluiceType type = TypeSpecs.toSluiceType(spec, Dialect.SPARK);
            SqlNode renderedType = visit(spec);
            CallContext context = context("cast", new SqlBasicCall(call.getOperator(), List.of(value, renderedType), call.getParserPosition()), operandTypes);
            boolean safe = call.getKind() == SqlKind.SAFE_CAST;
            String cast = safe ? "TRY_CAST" : "CAST";
            boolean integral = switch (type.kind()) {
                case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
                default -> false;
            };
            if (integral && target == Dialect.FLINK && !safe && input.sparkSemantics() && mayOverflow(context, type)) {
                // Flink truncates as Spark does, but wraps around where Spark (ANSI mode) fails.
                long bound = switch (type.kind()) {
                    case TINYINT -> 1L << 7;
                    case SMALLINT -> 1L << 15;
                    case INTEGER -> 1L << 31;
                    default -> 0;
                };
                // Flink reads no integer literal beyond BIGINT's range: the limits of BIGINT are decimals.
                String upper = bound == 0 ? "CAST('9223372036854775808' AS DECIMAL(20, 0))" : Long.toString(bound);
                String lower = bound == 0 ? "CAST('-9223372036854775809' AS DECIMAL(20, 0))" : Long.toString(-bound - 1);
                return context.template("CASE WHEN {0} <= " + lower + " OR {0} >= " + upper + " THEN CAST("
                        + Failures.flink("'[CAST_OVERFLOW] The value ' || CAST({0} AS STRING) || ' cannot be cast to " + TypeSpecs.render(type, Dialect.SPARK)
                        + " due to an overflow.'") + " AS {1}) ELSE CAST({0} AS {1}) END");
            }
            // Spark truncates fractions toward zero when casting to an integer type; DuckDB and Trino round.
            if (integral && (context.operandIsApproximate(0) || context.operandIsDecimal(0))) {
                return switch (target) {
                    case DUCKDB -> context.template(cast + "(trunc({0}) AS {1})");
                    case TRINO -> context.template(cast + "(truncate({0}) AS {1})");
                    default -> context.template(cast + "({0} AS {1})");
                };
            }
            if (type.kind() == TypeKind.STRING && context.operandIsApproximate(0) && target != Dialect.SPARK) {
                throw context.unsupported("casting a floating-point number to a string: engines write numbers differently from Spark");
            }
            if (safe && target == Dialect.FLINK && type.kind() == TypeKind.DATE && context.operandIsString(0)) {
                // Flink reads '123' as the year 123; Spark wants four digits of year and gives NULL.
                return context.template("CASE WHEN REGEXP({0}, '^\\s*[0-9][0-9][0-9][0-9]') THEN TRY_CAST({0} AS {1}) END");
            }
            return context.template(cast + "({0} AS {1})");
        }

        /** Whether casting the operand to the integer {@code type} can overflow it: wider integers, large decimals, floating point. */
        private static boolean mayOverflow(CallContext context, SluiceType type)
        {
            int digits = switch (type.kind()) {
                case TINYINT -> 2;
                case SMALLINT -> 4;
                case INTEGER -> 9;
                default -> 18;
            };
            if (context.operandIsApproximate(0)) {
                return true;
            }
            RelDataType operand = context.operandType(0).orElse(null);
            if (context.operandIsExactInteger(0)) {
                // Integers fit in a type at least as wide as theirs.
                int width = switch (operand.getSqlTypeName()) {
                    case TINYINT -> 2;
                    case SMALLINT -> 4;
                    case INTEGER -> 9;
                    default -> 18;
                };
                return width > digits;
            }
            return context.operandIsDecimal(0) && operand.getPrecision() - operand.getScale() > digits;
        }

        /** a[i] is 0-based for arrays in Spark and Hive, 1-based elsewhere; m[k] looks up a map key everywhere. */
        private SqlNode subscript(SqlCall call, List<RelDataType> operandTypes)
        {
            CallContext context = context("operator []", translateOperands(call), operandTypes);
            if (context.operandIsMap(0)) {
                return target == Dialect.TRINO ? context.template("element_at({0}, {1})") : context.template("{0}[{1}]");
            }
            boolean array = context.operandIsArray(0);
            if (!array && context.operandType(0).isPresent() && context.operandType(0).get().getSqlTypeName() != SqlTypeName.ANY) {
                throw context.unsupported("subscript of " + context.operandType(0).get().getFullTypeString());
            }
            if (!array) {
                throw context.unsupported("the subscripted value's type must be known to be an array or a map");
            }
            boolean fromZero = input.zeroBasedSubscripts();
            boolean toZero = target.zeroBasedSubscripts();
            String index = fromZero == toZero ? "{1}" : fromZero ? "{1} + 1" : "{1} - 1";
            if (input.sparkSemantics() && target == Dialect.DUCKDB) {
                // Spark (ANSI mode, its default) fails on an index out of bounds; DuckDB returns NULL.
                return context.template("CASE WHEN {1} < 0 OR {1} >= len({0}) THEN error('[INVALID_ARRAY_INDEX] The index ' || {1} "
                        + "|| ' is out of bounds. The array has ' || len({0}) || ' elements.') ELSE {0}[" + index + "] END");
            }
            if (input.sparkSemantics() && target == Dialect.FLINK) {
                // Flink returns NULL too, and has no function that raises an error: a cast that cannot succeed does.
                SqlNode element = visit(TypeSpecs.toCalcite(TypeSpecs.fromRelType(context.operandType(0).get().getComponentType()), call.getParserPosition()));
                return context.template("CASE WHEN {1} < 0 OR {1} >= CARDINALITY({0}) THEN CAST(" + Failures.flink("'[INVALID_ARRAY_INDEX] The index ' || CAST({1} AS STRING) "
                        + "|| ' is out of bounds. The array has ' || CAST(CARDINALITY({0}) AS STRING) || ' elements.'") + " AS {2}) ELSE {0}[" + index + "] END",
                        context.operand(0), context.operand(1), element);
            }
            return context.template("{0}[" + index + "]");
        }

        /** Spark's {@code INTERVAL 3 DAYS}: engines other than Spark and DuckDB need the number quoted. */
        private SqlNode interval(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            if (target == Dialect.SPARK || target == Dialect.DUCKDB || !(translated.operand(0) instanceof SqlLiteral literal)) {
                return translated;
            }
            String unit = translated.operand(1).toString();
            return context("interval", translated, List.of()).atom("INTERVAL '" + literal.toValue() + "' " + unit);
        }

        /** A struct's field: {@code (expression).field}, quoted in the engine's way. */
        private SqlNode fieldAccess(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            if (!(translated.operand(1) instanceof SqlIdentifier field)) {
                return translated;
            }
            StringBuilder path = new StringBuilder("({0})");
            for (String name : field.names) {
                path.append('.').append(TargetDialects.of(target).quoteIdentifier(name));
            }
            return context("operator .", translated, List.of()).atom(path.toString());
        }

        /** UNNEST of a map (Spark's explode of a map) gives key and value columns; DuckDB unnests maps as lists of entries. */
        private SqlNode unnest(SqlCall call, List<RelDataType> operandTypes)
        {
            SqlCall translated = translateOperands(call);
            CallContext context = context("unnest", translated, operandTypes);
            if (target == Dialect.FLINK && call.getOperator() == SqlStdOperatorTable.UNNEST_WITH_ORDINALITY) {
                // Seen in Flink 2.3: a lateral query over UNNEST ... WITH ORDINALITY loses its projection (positions and
                // elements come back unmoved and uncomputed), so posexplode would answer wrongly.
                throw context("posexplode", translated, operandTypes).unsupported("Flink mixes up the columns of UNNEST WITH ORDINALITY in a lateral query");
            }
            if (target == Dialect.DUCKDB && context.operandIsMap(0)) {
                if (call.getOperator() == SqlStdOperatorTable.UNNEST_WITH_ORDINALITY) {
                    throw context.unsupported("posexplode of a map");
                }
                return context.atom("LATERAL (SELECT unnest(map_keys({0})), unnest(map_values({0})))");
            }
            RelDataType element = context.operandIsArray(0) ? context.operandType(0).get().getComponentType() : null;
            if (target == Dialect.DUCKDB && call.getOperator() == SqlStdOperatorTable.UNNEST && element != null && element.isStruct()) {
                // Spark's inline: a column per field. DuckDB's UNNEST in FROM keeps each struct whole; unnest(...,
                // recursive := true) in a select list spreads it, and would spread nested values too.
                if (element.getFieldList().stream().anyMatch(field -> field.getType().getComponentType() != null || field.getType().isStruct()
                        || field.getType().getSqlTypeName() == SqlTypeName.MAP)) {
                    throw context("inline", translated, operandTypes).unsupported("inline of structs with array, map or struct fields");
                }
                return context.atom("LATERAL (SELECT unnest({0}, recursive := true))");
            }
            return translated;
        }

        /** Spark's / is fractional: DOUBLE for integers, DECIMAL with Spark's precision rules for decimals. */
        private SqlNode divide(SqlCall call, List<RelDataType> operandTypes)
        {
            CallContext context = context("operator /", translateOperands(call), operandTypes);
            if (target == input) {
                return context.template("({0} / {1})");
            }
            boolean integers = context.operandIsExactInteger(0) && context.operandIsExactInteger(1);
            if (integers && input.integerDivisionTruncates()) {
                return integralDivide(call, operandTypes);
            }
            if (target == Dialect.SPARK) {
                return context.template("({0} / {1})");
            }
            String divisor = guardedDivisor(context);
            boolean approximate = context.operandIsApproximate(0) || context.operandIsApproximate(1);
            boolean decimal = !approximate && (context.operandIsDecimal(0) || context.operandIsDecimal(1));
            if (decimal && input.sparkSemantics()) {
                Optional<SluiceType> type = sparkDecimalDivision(context);
                if (type.isPresent()) {
                    return context.template("CAST(CAST({0} AS DOUBLE) / " + divisor + " AS " + TypeSpecs.render(type.get(), target) + ")");
                }
                throw context.unsupported("the operands' decimal types must be known");
            }
            if (decimal) {
                return context.template("({0} / " + divisor + ")");
            }
            return context.template("(CAST({0} AS DOUBLE) / " + divisor + ")");
        }

        private SqlNode integralDivide(SqlCall call, List<RelDataType> operandTypes)
        {
            CallContext context = context("operator div", translateOperands(call), operandTypes);
            String divisor = guardedDivisor(context);
            boolean integers = context.operandIsExactInteger(0) && context.operandIsExactInteger(1);
            return switch (target) {
                case SPARK -> context.template("({0} DIV {1})");
                case DUCKDB -> context.template(integers
                        ? "CAST({0} // " + divisor + " AS BIGINT)"
                        : "CAST(trunc({0} / " + divisor + ") AS BIGINT)");
                case TRINO -> context.template(integers
                        ? "CAST({0} / " + divisor + " AS BIGINT)"
                        : "CAST(truncate({0} / " + divisor + ") AS BIGINT)");
                // Flink divides integers as Spark's DIV does, and fails on zero itself.
                case FLINK -> context.template(integers
                        ? "CAST({0} / {1} AS BIGINT)"
                        : "CAST(TRUNCATE({0} / " + divisor + ") AS BIGINT)");
                case HIVE -> throw context.unsupported("");
            };
        }

        private SqlNode modulo(SqlCall call)
        {
            CallContext context = context("operator %", translateOperands(call), List.of());
            if (target == Dialect.SPARK) {
                return context.template("({0} % {1})");
            }
            String divisor = guardedDivisor(context);
            return switch (target) {
                case DUCKDB -> context.template("({0} % " + divisor + ")");
                case TRINO -> context.template("mod({0}, " + divisor + ")");
                default -> context.template("MOD({0}, {1})");
            };
        }

        /** The divisor, failing as Spark does when it is zero (ZeroDivisors). */
        private String guardedDivisor(CallContext context)
        {
            String failing = ZeroDivisors.failingWhen(target, context.operand(1), "/");
            return failing.isEmpty() ? "{1}" : "CASE " + failing + "ELSE {1} END";
        }

        /**
         * An INT expression that fails the Flink query with {@code message} (a string expression) once evaluated: Flink has
         * no function that raises an error, but a cast that cannot succeed does, and its error names the text. The
         * message must use the guarded expression's operands: Flink computes expressions of constants (or of columns
         * alone, below a window) ahead of the CASE that guards them.
         */
        private Optional<SluiceType> sparkDecimalDivision(CallContext context)
        {
            Optional<int[]> left = sparkDecimal(context, 0);
            Optional<int[]> right = sparkDecimal(context, 1);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            int p1 = left.get()[0];
            int s1 = left.get()[1];
            int p2 = right.get()[0];
            int s2 = right.get()[1];
            int scale = Math.max(6, s1 + p2 + 1);
            int precision = p1 - s1 + s2 + scale;
            if (precision > 38) {
                int integral = precision - scale;
                scale = Math.max(38 - integral, Math.min(scale, 6));
                precision = 38;
            }
            return Optional.of(SluiceType.decimal(precision, scale));
        }

        /** An operand's precision and scale as Spark sees it in decimal arithmetic; integer literals take their digits. */
        private Optional<int[]> sparkDecimal(CallContext context, int operand)
        {
            Optional<Long> literal = context.integerLiteral(operand);
            if (literal.isPresent()) {
                return Optional.of(new int[] {Math.max(1, Long.toString(Math.abs(literal.get())).length()), 0});
            }
            return context.operandType(operand).flatMap(type -> switch (type.getSqlTypeName()) {
                case DECIMAL -> Optional.of(new int[] {type.getPrecision(), type.getScale()});
                case TINYINT -> Optional.of(new int[] {3, 0});
                case SMALLINT -> Optional.of(new int[] {5, 0});
                case INTEGER -> Optional.of(new int[] {10, 0});
                case BIGINT -> Optional.of(new int[] {20, 0});
                default -> Optional.empty();
            });
        }

        private SqlNode extract(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            String unit = translated.operand(0).toString().toUpperCase(Locale.ROOT);
            CallContext context = context("extract", translated, List.of());
            if (target == Dialect.SPARK) {
                return translated;
            }
            return switch (unit) {
                case "DOW" -> switch (target) {
                    case DUCKDB -> context.template("(dayofweek(CAST({1} AS TIMESTAMP)) + 1)");
                    case TRINO -> context.template("(day_of_week(CAST({1} AS TIMESTAMP(6))) % 7 + 1)");
                    default -> throw context.unsupported("DOW");
                };
                case "SECOND" -> switch (target) {
                    case DUCKDB -> context.template("CAST(microsecond(CAST({1} AS TIMESTAMP)) / 1000000.0 AS DECIMAL(8, 6))");
                    default -> throw context.unsupported("SECOND with its fraction");
                };
                // Trino reads EXTRACT(DOY ...), but Calcite's Trino dialect cannot write it.
                case "DOY" -> target == Dialect.TRINO ? context.template("day_of_year({1})") : translated;
                case "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE" -> translated;
                default -> throw context.unsupported(unit);
            };
        }

        /** TRIM([BOTH | LEADING | TRAILING] [chars] FROM s). */
        private SqlNode trim(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            if (target != Dialect.DUCKDB) {
                return translated;
            }
            String flag = translated.operand(0).toString().toUpperCase(Locale.ROOT);
            CallContext context = context("trim", translated, List.of());
            String function = switch (flag) {
                case "LEADING" -> "ltrim";
                case "TRAILING" -> "rtrim";
                default -> "trim";
            };
            return context.template(function + "({2}, {1})");
        }

        /** Spark's LIKE escapes with a backslash unless told otherwise. */
        private SqlNode like(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            boolean caseInsensitive = call.getOperator().getName().toUpperCase(Locale.ROOT).endsWith("ILIKE");
            if (caseInsensitive && (target == Dialect.TRINO || target == Dialect.FLINK) && translated.operandCount() == 2) {
                // Spark's ILIKE is LIKE over lower-cased operands; Trino and Flink have no ILIKE.
                boolean negated = call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT");
                return context("operator ilike", translated, List.of()).template("(lower({0}) " + (negated ? "NOT " : "") + "LIKE lower({1}))");
            }
            if (translated.operandCount() == 2 && target != Dialect.SPARK
                    && translated.operand(1) instanceof SqlLiteral pattern && String.valueOf(pattern.toValue()).contains("\\")) {
                List<SqlNode> operands = new ArrayList<>(translated.getOperandList());
                operands.add(SqlLiteral.createCharString("\\", call.getParserPosition()));
                return new SqlBasicCall(translated.getOperator(), operands, call.getParserPosition());
            }
            return translated;
        }

        private SqlNode rlike(SqlCall call)
        {
            SqlCall translated = translateOperands(call);
            boolean negated = call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT");
            CallContext context = context("operator rlike", translated, List.of());
            String test = switch (target) {
                case SPARK -> "{0} RLIKE {1}";
                case DUCKDB -> "regexp_matches({0}, {1})";
                case TRINO -> "regexp_like({0}, {1})";
                case FLINK -> "REGEXP({0}, {1})";
                case HIVE -> throw context.unsupported("");
            };
            return context.template(negated ? "(NOT " + test + ")" : "(" + test + ")");
        }

        /**
         * {@code x = x}, {@code x < x}, {@code x IN (.., x, ..)}, ...: Flink's planner takes {@code x = x} in a WHERE for
         * TRUE even where x is NULL (found by the differential fuzzer), so the comparison is written as what it means in
         * Spark: NULL for a NULL x, else TRUE (=, <=, >=, <=>, IN) or FALSE (<>, <, >, NOT IN). NaN equals itself in Spark.
         */
        private Optional<SqlNode> selfComparison(SqlCall call)
        {
            SqlKind kind = call.getKind();
            boolean in = kind == SqlKind.IN || kind == SqlKind.NOT_IN;
            if (!in && (!SqlKind.COMPARISON.contains(kind) && kind != SqlKind.IS_NOT_DISTINCT_FROM && kind != SqlKind.IS_DISTINCT_FROM || call.operandCount() != 2)) {
                return Optional.empty();
            }
            SqlNode operand = call.operand(0);
            boolean same = in
                    ? call.operand(1) instanceof SqlNodeList list && list.stream().anyMatch(value -> value != null && value.equalsDeep(operand, Litmus.IGNORE))
                    : call.operand(1).equalsDeep(operand, Litmus.IGNORE);
            if (!same || containsNonDeterministic(operand)) {
                return Optional.empty();
            }
            boolean answer = switch (kind) {
                case EQUALS, LESS_THAN_OR_EQUAL, GREATER_THAN_OR_EQUAL, IS_NOT_DISTINCT_FROM, IN -> true;
                default -> false;
            };
            CallContext context = context("operator " + call.getOperator().getName(), new SqlBasicCall(call.getOperator(), List.of(operand.accept(this)), call.getParserPosition()), List.of());
            if (kind == SqlKind.IS_NOT_DISTINCT_FROM || kind == SqlKind.IS_DISTINCT_FROM) {
                return Optional.of(context.template(answer ? "TRUE" : "FALSE"));
            }
            return Optional.of(context.template("CASE WHEN {0} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE " + (answer ? "TRUE" : "FALSE") + " END"));
        }

        /** Whether the expression calls a function whose two calls may differ (rand() = rand() is not TRUE). */
        private static boolean containsNonDeterministic(SqlNode node)
        {
            if (node instanceof SqlCall call) {
                String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
                if (!call.getOperator().isDeterministic() || call.getOperator().isDynamicFunction() || NONDETERMINISTIC.contains(name)) {
                    return true;
                }
                return call.getOperandList().stream().anyMatch(operand -> operand != null && containsNonDeterministic(operand));
            }
            if (node instanceof SqlNodeList list) {
                return list.stream().anyMatch(item -> item != null && containsNonDeterministic(item));
            }
            return false;
        }

        /** Spark's {@code date + int} and {@code date - int}: days added or subtracted, as date_add and date_sub. */
        private boolean isDateDays(SqlCall call, List<RelDataType> operandTypes)
        {
            return (call.getOperator() == SparkOperators.PLUS || call.getOperator() == SparkOperators.MINUS) && operandTypes.size() == 2
                    && operandTypes.get(0) != null && operandTypes.get(1) != null
                    && operandTypes.get(0).getSqlTypeName() == SqlTypeName.DATE && SqlTypeName.INT_TYPES.contains(operandTypes.get(1).getSqlTypeName());
        }

        /**
         * DATE ± INTERVAL: Spark keeps a DATE when the interval counts whole days, months or years, and DuckDB
         * returns a TIMESTAMP, so the result is cast back.
         */

        private SqlNode datetimeArithmetic(SqlCall call, List<RelDataType> operandTypes)
        {
            SqlCall translated = (SqlCall) super.visit(call);
            if (target != Dialect.DUCKDB || operandTypes.size() != 2 || operandTypes.get(0) == null || operandTypes.get(1) == null) {
                return translated;
            }
            boolean date = operandTypes.get(0).getSqlTypeName() == SqlTypeName.DATE;
            boolean interval = operandTypes.get(1).getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
                    || operandTypes.get(1).getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
            if (date && interval) {
                SqlTypeName unit = operandTypes.get(1).getSqlTypeName();
                boolean wholeDays = unit == SqlTypeName.INTERVAL_DAY || unit == SqlTypeName.INTERVAL_MONTH
                        || unit == SqlTypeName.INTERVAL_YEAR || unit == SqlTypeName.INTERVAL_YEAR_MONTH;
                CallContext context = context("operator " + call.getOperator().getName(), translated, operandTypes);
                return context.template(wholeDays ? "CAST({0} " + call.getOperator().getName() + " {1} AS DATE)"
                        : "(CAST({0} AS TIMESTAMP) " + call.getOperator().getName() + " {1})");
            }
            return translated;
        }

        /**
         * Whether the call is integer +, - or * that Flink computes in its own type, wrapping around where Spark (ANSI
         * mode), DuckDB and Trino fail.
         */
        private boolean isCheckedIntegerArithmetic(SqlNode node)
        {
            if (target != Dialect.FLINK || !input.sparkSemantics() || !(node instanceof SqlCall call) || call.operandCount() != 2
                    || (call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS && call.getKind() != SqlKind.TIMES)) {
                return false;
            }
            if (!validation.typeOf(call).map(type -> SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())).orElse(false)) {
                return false;
            }
            for (SqlNode operand : call.getOperandList()) {
                if (!validation.typeOf(operand).map(type -> SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())).orElse(false)) {
                    return false;
                }
                if (operand instanceof SqlIdentifier identifier && Util.last(identifier.names).startsWith("$")) {
                    // Sluice's own ordinals (posexplode's position) stay far from the limits.
                    return false;
                }
            }
            return true;
        }

        /**
         * Integer arithmetic on Flink: the outermost operation of a tree of integer +, - and * is computed again in
         * a wider type, and a result out of its type's range fails the query as in Spark. (Only the tree's result
         * is checked: checking each operation would repeat every subtree at every level.)
         */
        private SqlNode checkedIntegerArithmetic(SqlCall call, List<RelDataType> operandTypes, SqlNode translated)
        {
            if (!isCheckedIntegerArithmetic(call) || !(translated instanceof SqlCall arithmetic) || arithmetic.operandCount() != 2) {
                return translated;
            }
            translatedOperands.put(call.operand(0), arithmetic.operand(0));
            translatedOperands.put(call.operand(1), arithmetic.operand(1));
            if (innerArithmetic.contains(call)) {
                return translated;
            }
            String[] range = switch (validation.typeOf(call).orElseThrow().getSqlTypeName()) {
                case TINYINT -> new String[] {"-128", "127", "BIGINT", "tinyint"};
                case SMALLINT -> new String[] {"-32768", "32767", "BIGINT", "smallint"};
                case INTEGER -> new String[] {"-2147483648", "2147483647", "BIGINT", "integer"};
                default -> new String[] {"-9223372036854775808", "9223372036854775807", "DECIMAL(38, 0)", "long"};
            };
            List<SqlNode> operands = new ArrayList<>();
            String wide = wide(call, range[2], operands);
            operands.add(translated);
            String result = "{" + (operands.size() - 1) + "}";
            CallContext context = context("operator " + call.getOperator().getName(), arithmetic, operandTypes);
            return context.template("CASE WHEN " + wide + " NOT BETWEEN " + range[0] + " AND " + range[1] + " THEN "
                    + Failures.flink("'[ARITHMETIC_OVERFLOW] " + range[3] + " overflow: ' || CAST(" + wide + " AS STRING)") + " ELSE " + result + " END", operands);
        }

        /** The arithmetic tree at {@code node} over its leaves cast to {@code type}; the leaves go into {@code operands}. */
        private String wide(SqlNode node, String type, List<SqlNode> operands)
        {
            if (node instanceof SqlCall call && (innerArithmetic.contains(call) || operands.isEmpty() && isCheckedIntegerArithmetic(call))
                    && translatedOperands.containsKey(call.operand(0))) {
                return "(" + wide(call.operand(0), type, operands) + " " + call.getOperator().getName() + " " + wide(call.operand(1), type, operands) + ")";
            }
            operands.add(translatedOperands.get(node));
            return "CAST({" + (operands.size() - 1) + "} AS " + type + ")";
        }

        private SqlNode operatorTemplate(SqlCall call, String name, String duckdb, String trino, String spark)
        {
            CallContext context = context("operator " + name, translateOperands(call), List.of());
            return switch (target) {
                case DUCKDB -> context.template(duckdb);
                case TRINO -> context.template(trino);
                case SPARK -> context.template(spark);
                case FLINK, HIVE -> throw context.unsupported("");
            };
        }

        private CallContext context(String name, SqlCall call, List<RelDataType> operandTypes)
        {
            return new CallContext(name, call, operandTypes, input, target);
        }
    }
}
