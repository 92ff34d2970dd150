package io.sluice.dialects.validate;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.ast.SparkOperators;
import io.sluice.dialects.ast.SqlAlterTable;
import io.sluice.dialects.ast.SqlAnalyzeTable;
import io.sluice.dialects.ast.SqlCacheTable;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlCreateView;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlExplainQuery;
import io.sluice.dialects.functions.FunctionCatalog;
import io.sluice.dialects.parser.SluiceSqlParser;
import io.sluice.dialects.target.TypeSpecs;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import io.sluice.spi.metadata.ColumnInfo;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.String.format;

/**
 * Validates a parsed statement against a catalog with Calcite's validator: unknown tables, columns and functions
 * fail here with the object's name and position. Only the queries inside statements are validated; statements
 * the gateway executes itself (USE, SHOW, SET, ...) pass through.
 */
public final class StatementValidator
{
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found in (any table|table '[^']*')");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature ([A-Za-z_0-9$]+)\\(");
    private static final Pattern POSITION = Pattern.compile("^From line (\\d+), column (\\d+) to line \\d+, column \\d+: ");

    /** Types are interned and immutable: one factory serves every statement. */
    private static final RelDataTypeFactory TYPE_FACTORY = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);

    private StatementValidator() {}

    /**
     * Validates a statement read in the input dialect. Type names are first given their meaning in that dialect
     * (Spark's FLOAT is 4 bytes, STRING is VARCHAR, ...).
     */
    public static Validation validate(SqlNode statement, Dialect input, CatalogView catalog, String currentDatabase)
    {
        SqlNode normalized = normalizeTypes(statement, input);
        if (normalized instanceof SqlCreateTable create) {
            if (create.query().isEmpty()) {
                return Validation.unvalidated(create);
            }
            // The query's validator goes with the statement: translating it needs the types of its expressions.
            Validation query = validateQuery(create.query().get(), input, catalog, currentDatabase);
            create.setOperand(1, query.statement());
            return new Validation(create, query.validatorOrNull());
        }
        if (normalized instanceof SqlCreateView view) {
            Validation query = validateQuery(view.query(), input, catalog, currentDatabase);
            view.setOperand(0, query.statement());
            return new Validation(view, query.validatorOrNull());
        }
        if (normalized instanceof SqlExplainQuery explain) {
            Validation inner = validate(explain.statement(), input, catalog, currentDatabase);
            explain.setOperand(0, inner.statement());
            return new Validation(explain, inner.validatorOrNull());
        }
        if (normalized instanceof SqlCacheTable cache && cache.query().isPresent()) {
            return validateQuery(cache.query().get(), input, catalog, currentDatabase);
        }
        if (normalized instanceof SqlInsert insert) {
            SqlIdentifier table = (SqlIdentifier) insert.getTargetTable();
            insert.setOperand(1, engineName(table, requireTable(table, catalog, currentDatabase)));
            Validation source = validateQuery(insert.getSource(), input, catalog, currentDatabase);
            insert.setOperand(2, source.statement());
            return new Validation(insert, source.validatorOrNull());
        }
        if (normalized.getKind().belongsTo(SqlKind.QUERY)) {
            return validateQuery(normalized, input, catalog, currentDatabase);
        }
        if (normalized instanceof SqlAnalyzeTable analyze) {
            List<ColumnInfo> columns = requireTable(analyze.name(), catalog, currentDatabase);
            for (SqlIdentifier column : analyze.columns()) {
                if (columns.stream().noneMatch(known -> known.name().equalsIgnoreCase(column.getSimple()))) {
                    throw new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "Column '" + column.getSimple() + "' not found in table '" + analyze.name() + "'");
                }
            }
            return Validation.unvalidated(analyze.withName(engineName(analyze.name(), columns)));
        }
        if (normalized instanceof SqlAlterTable alter) {
            // The table must exist; the change itself is the engine's to check (a column that exists, a type it takes).
            List<ColumnInfo> columns = requireTable(alter.name(), catalog, currentDatabase);
            return Validation.unvalidated(alter.withName(engineName(alter.name(), columns)));
        }
        if (normalized instanceof SqlDropObject drop && drop.kind() != SqlDropObject.Kind.DATABASE) {
            // Dropping a table that does not exist is the engine's to report (or to ignore, with IF EXISTS).
            Optional<List<ColumnInfo>> columns = catalog.columns(database(drop.name(), currentDatabase), drop.name().names.get(drop.name().names.size() - 1));
            return Validation.unvalidated(columns.isEmpty() ? drop
                    : new SqlDropObject(drop.getParserPosition(), drop.kind(), drop.ifExists(), engineName(drop.name(), columns.get()), drop.cascade()));
        }
        return Validation.unvalidated(normalized);
    }

    /** The table's name as the engine's catalog spells it: lookups ignore case, and some engines' names do not. */
    private static SqlIdentifier engineName(SqlIdentifier table, List<ColumnInfo> columns)
    {
        if (columns.isEmpty()) {
            return table;
        }
        List<String> names = new ArrayList<>(table.names);
        names.set(names.size() - 1, columns.get(0).table());
        return new SqlIdentifier(names, table.getParserPosition());
    }

    private static String database(SqlIdentifier table, String currentDatabase)
    {
        // catalog.database.table names the view's database "catalog.database".
        return table.names.size() > 1 ? String.join(".", table.names.subList(0, table.names.size() - 1)) : currentDatabase;
    }

    private static Validation validateQuery(SqlNode query, Dialect input, CatalogView catalog, String currentDatabase)
    {
        SqlValidator validator = newValidator(input, catalog, currentDatabase);
        try {
            return new Validation(validator.validate(StructFields.rewrite(query)), validator);
        }
        catch (CalciteContextException e) {
            throw translate(e.getMessage(), e);
        }
        catch (CalciteException e) {
            throw translate(e.getMessage(), e);
        }
        catch (UnsupportedOperationException e) {
            // Calcite's type derivation of a value whose type Sluice leaves open (transform's result) next to typed ones.
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported by Sluice: a value whose type it cannot derive in this expression; CAST it to its type (" + e.getMessage() + ")", e);
        }
    }

    private static SqlValidator newValidator(Dialect input, CatalogView catalog, String currentDatabase)
    {
        RelDataTypeFactory typeFactory = TYPE_FACTORY;
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogSchema.root(catalog));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteConnectionConfig config = new CalciteConnectionConfigImpl(properties);
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(currentDatabase), typeFactory, config);
        return SqlValidatorUtil.newValidator(FunctionCatalog.spark().operatorTable(), reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(SluiceSqlParser.conformance(input))
                        .withIdentifierExpansion(true)
                        .withCallRewrite(false)
                        .withDefaultNullCollation(input == Dialect.TRINO || input == Dialect.DUCKDB ? NullCollation.LAST : NullCollation.LOW));
    }

    /** The table's columns; fails if the table does not exist. */
    private static List<ColumnInfo> requireTable(SqlIdentifier table, CatalogView catalog, String currentDatabase)
    {
        String database = database(table, currentDatabase);
        String name = table.names.get(table.names.size() - 1);
        if (!catalog.databaseExists(database)) {
            throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, format("Database '%s' not found", database));
        }
        return catalog.columns(database, name)
                .orElseThrow(() -> new SluiceException(ErrorCode.TABLE_NOT_FOUND, format("Table '%s' not found in database '%s'", name, database)));
    }

    /** Spark's functions that are casts: {@code int(x)} is {@code CAST(x AS INT)}. */
    private static final Map<String, SluiceType> CAST_FUNCTIONS = Map.ofEntries(
            Map.entry("boolean", SluiceType.BOOLEAN),
            Map.entry("tinyint", SluiceType.TINYINT),
            Map.entry("smallint", SluiceType.SMALLINT),
            Map.entry("int", SluiceType.INTEGER),
            Map.entry("bigint", SluiceType.BIGINT),
            Map.entry("float", SluiceType.FLOAT),
            Map.entry("double", SluiceType.DOUBLE),
            Map.entry("string", SluiceType.STRING),
            Map.entry("binary", SluiceType.BINARY),
            Map.entry("date", SluiceType.DATE),
            Map.entry("timestamp", SluiceType.TIMESTAMP));

    private static SqlNode normalizeTypes(SqlNode statement, Dialect input)
    {
        if (statement instanceof SqlCreateTable create) {
            create.columns().ifPresent(columns -> {
                for (int i = 1; i < columns.size(); i += 2) {
                    SqlDataTypeSpec spec = (SqlDataTypeSpec) columns.get(i);
                    columns.set(i, TypeSpecs.toCalcite(TypeSpecs.toSluiceType(spec, input), spec.getParserPosition())
                            .withNullable(spec.getNullable()));
                }
            });
            create.query().ifPresent(query -> create.setOperand(1, normalizeTypes(query, input)));
            return create;
        }
        SqlNode normalized = statement.accept(new SqlShuttle()
        {
            @Override
            public SqlNode visit(SqlDataTypeSpec spec)
            {
                return TypeSpecs.toCalcite(TypeSpecs.toSluiceType(spec, input), spec.getParserPosition());
            }

            @Override
            public SqlNode visit(SqlCall call)
            {
                // Spark adds and subtracts days with + and - on a date.
                if (input.sparkSemantics() && call instanceof SqlBasicCall basic) {
                    if (call.getOperator() == SqlStdOperatorTable.PLUS) {
                        basic.setOperator(SparkOperators.PLUS);
                    }
                    else if (call.getOperator() == SqlStdOperatorTable.MINUS) {
                        basic.setOperator(SparkOperators.MINUS);
                    }
                }
                // Spark's and Hive's cast functions, int(x) for CAST(x AS INT), which BI tools write (Superset's week grains).
                if (call instanceof SqlBasicCall basic && call.getOperator() instanceof SqlUnresolvedFunction function && basic.operandCount() == 1) {
                    SluiceType type = CAST_FUNCTIONS.get(function.getName().toLowerCase(Locale.ROOT));
                    if (type != null && !FunctionCatalog.spark().validates(function.getName())) {
                        SqlNode operand = basic.operand(0).accept(this);
                        return SqlStdOperatorTable.CAST.createCall(basic.getParserPosition(), operand, TypeSpecs.toCalcite(type, basic.getParserPosition()));
                    }
                }
                // Calcite's parser builds some functions with its own operators (DATE_TRUNC, ...); Spark's meaning
                // comes from Sluice's catalog, so they are resolved again by name.
                if (call instanceof SqlBasicCall basic && call.getOperator() instanceof SqlFunction function
                        && !(function instanceof SqlUnresolvedFunction) && function.getSyntax() == SqlSyntax.FUNCTION
                        && FunctionCatalog.spark().validates(function.getName())) {
                    String name = FunctionCatalog.spark().lookup(function.getName()).orElseThrow().name();
                    basic.setOperator(new SqlUnresolvedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), null, null, null, null,
                            SqlFunctionCategory.USER_DEFINED_FUNCTION));
                }
                return super.visit(call);
            }
        });
        return normalized == null ? statement : normalized;
    }

    private static SluiceException translate(String message, Throwable cause)
    {
        String text = message == null ? "invalid statement" : message;
        String where = "";
        Matcher position = POSITION.matcher(text);
        if (position.find()) {
            where = format(" at line %s, column %s", position.group(1), position.group(2));
            text = text.substring(position.end());
        }
        Matcher object = OBJECT_NOT_FOUND.matcher(text);
        if (object.find()) {
            String name = object.group(1);
            return new SluiceException(ErrorCode.TABLE_NOT_FOUND, object.group(2) == null
                    ? format("Table or view '%s' not found%s", name, where)
                    : format("Table or view '%s' not found in '%s'%s", name, object.group(2), where), cause);
        }
        Matcher column = COLUMN_NOT_FOUND.matcher(text);
        if (column.find()) {
            return new SluiceException(ErrorCode.COLUMN_NOT_FOUND, format("Column '%s' not found%s", column.group(1), where), cause);
        }
        Matcher function = NO_FUNCTION.matcher(text);
        if (function.find()) {
            return new SluiceException(ErrorCode.NOT_SUPPORTED,
                    format("Function %s is not supported by Sluice%s", function.group(1).toLowerCase(Locale.ROOT), where), cause);
        }
        return new SluiceException(ErrorCode.ANALYSIS_ERROR, format("Invalid statement%s: %s", where, text), cause);
    }
}
