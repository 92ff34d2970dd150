package io.sluice.server.metadata;

import io.sluice.server.operation.LocalResult;
import io.sluice.server.thrift.HiveTypes;
import io.sluice.spi.Column;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.ForeignKeyInfo;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.PrimaryKeyInfo;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableType;
import io.sluice.spi.type.SluiceType;
import io.sluice.spi.type.TypeKind;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the result sets of the HS2 metadata calls with the columns {@link DatabaseMetaData} specifies and Hive's
 * conventions: TABLE_CAT is null (Hive has one catalog), TYPE_NAME as Hive spells it, COLUMN_SIZE the precision of
 * numbers and DECIMAL_DIGITS their scale.
 */
public final class MetadataResults
{
    private static final SluiceType STRING = SluiceType.STRING;
    private static final SluiceType INT = SluiceType.INTEGER;
    private static final SluiceType SMALLINT = SluiceType.SMALLINT;
    private static final SluiceType BOOLEAN = SluiceType.BOOLEAN;

    /** The types GetTypeInfo lists: the ones a Hive client can declare. */
    private static final List<SluiceType> TYPES = List.of(
            SluiceType.NULL, SluiceType.BOOLEAN, SluiceType.TINYINT, SluiceType.SMALLINT, SluiceType.INTEGER, SluiceType.BIGINT,
            SluiceType.FLOAT, SluiceType.DOUBLE, SluiceType.STRING, SluiceType.character(255), SluiceType.varchar(65535),
            SluiceType.DATE, SluiceType.TIMESTAMP, SluiceType.BINARY, SluiceType.decimal(38, 18),
            SluiceType.INTERVAL_YEAR_MONTH, SluiceType.INTERVAL_DAY_TIME,
            SluiceType.array(SluiceType.STRING), SluiceType.map(SluiceType.STRING, SluiceType.STRING),
            SluiceType.struct(List.of("f"), List.of(SluiceType.STRING)));

    private MetadataResults() {}

    public static LocalResult typeInfo()
    {
        List<Column> columns = columns(
                "TYPE_NAME", STRING, "DATA_TYPE", INT, "PRECISION", INT, "LITERAL_PREFIX", STRING, "LITERAL_SUFFIX", STRING,
                "CREATE_PARAMS", STRING, "NULLABLE", SMALLINT, "CASE_SENSITIVE", BOOLEAN, "SEARCHABLE", SMALLINT,
                "UNSIGNED_ATTRIBUTE", BOOLEAN, "FIXED_PREC_SCALE", BOOLEAN, "AUTO_INCREMENT", BOOLEAN, "LOCAL_TYPE_NAME", STRING,
                "MINIMUM_SCALE", SMALLINT, "MAXIMUM_SCALE", SMALLINT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT, "NUM_PREC_RADIX", INT);
        List<Object[]> rows = new ArrayList<>();
        for (SluiceType type : TYPES) {
            String name = baseName(type);
            boolean numeric = HiveTypes.isNumeric(type.kind());
            boolean text = type.kind() == TypeKind.STRING || type.kind() == TypeKind.CHAR || type.kind() == TypeKind.VARCHAR;
            rows.add(new Object[] {
                    name,
                    HiveTypes.jdbcType(type),
                    HiveTypes.columnSize(type),
                    text ? "'" : null,
                    text ? "'" : null,
                    type.kind() == TypeKind.DECIMAL ? "PRECISION,SCALE" : type.kind() == TypeKind.CHAR || type.kind() == TypeKind.VARCHAR ? "LENGTH" : null,
                    (short) DatabaseMetaData.typeNullable,
                    text,
                    (short) (type.isNested() ? DatabaseMetaData.typePredNone : DatabaseMetaData.typeSearchable),
                    !numeric,
                    false,
                    false,
                    null,
                    (short) 0,
                    (short) (type.kind() == TypeKind.DECIMAL ? SluiceType.MAX_DECIMAL_PRECISION : 0),
                    null,
                    null,
                    HiveTypes.radix(type)});
        }
        return new LocalResult(columns, rows);
    }

    /** {@code DECIMAL} for {@code decimal(38,18)}, {@code ARRAY} for {@code array<string>}: GetTypeInfo's names. */
    private static String baseName(SluiceType type)
    {
        String name = HiveTypes.typeName(type);
        int end = name.length();
        for (char delimiter : new char[] {'(', '<'}) {
            int index = name.indexOf(delimiter);
            if (index >= 0) {
                end = Math.min(end, index);
            }
        }
        return name.substring(0, end).toUpperCase(Locale.ROOT);
    }

    /** Hive has one catalog and GetCatalogs lists none. */
    public static LocalResult schemas(EngineMetadata metadata, NamePattern schemaPattern)
    {
        List<Object[]> rows = new ArrayList<>();
        for (String database : metadata.listDatabases(schemaPattern)) {
            rows.add(new Object[] {database, null});
        }
        return new LocalResult(columns("TABLE_SCHEM", STRING, "TABLE_CATALOG", STRING), rows);
    }

    public static LocalResult tableTypes()
    {
        List<Object[]> rows = Arrays.stream(TableType.values()).map(type -> new Object[] {type.name()}).toList();
        return new LocalResult(columns("TABLE_TYPE", STRING), rows);
    }

    public static LocalResult tables(EngineMetadata metadata, NamePattern schemaPattern, NamePattern tablePattern, List<String> tableTypes)
    {
        Set<String> types = tableTypes == null || tableTypes.isEmpty() ? null
                : tableTypes.stream().map(type -> type.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Object[]> rows = new ArrayList<>();
        for (TableInfo table : metadata.listTables(schemaPattern, tablePattern)) {
            if (table.temporary() && schemaPattern.exactName().isPresent()) {
                // Temporary objects belong to no database: list them only when every database is asked for.
                continue;
            }
            if (types != null && !types.contains(table.type().name())) {
                continue;
            }
            rows.add(new Object[] {null, table.database(), table.name(), table.type().name(), table.comment().orElse(""), null, null, null, null, null});
        }
        return new LocalResult(columns(
                "TABLE_CAT", STRING, "TABLE_SCHEM", STRING, "TABLE_NAME", STRING, "TABLE_TYPE", STRING, "REMARKS", STRING,
                "TYPE_CAT", STRING, "TYPE_SCHEM", STRING, "TYPE_NAME", STRING, "SELF_REFERENCING_COL_NAME", STRING, "REF_GENERATION", STRING), rows);
    }

    public static LocalResult columns(EngineMetadata metadata, NamePattern schemaPattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ColumnInfo column : metadata.listColumns(schemaPattern, tablePattern, columnPattern)) {
            if (column.database().isEmpty() && schemaPattern.exactName().isPresent()) {
                continue;
            }
            SluiceType type = column.type();
            rows.add(new Object[] {
                    null, column.database(), column.table(), column.name(),
                    HiveTypes.jdbcType(type), HiveTypes.typeName(type), HiveTypes.columnSize(type), null,
                    HiveTypes.decimalDigits(type), HiveTypes.radix(type),
                    column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                    column.comment().orElse(""), column.defaultValue().orElse(null), null, null, null,
                    column.ordinal(), column.nullable() ? "YES" : "NO", null, null, null, null, "NO"});
        }
        return new LocalResult(columns(
                "TABLE_CAT", STRING, "TABLE_SCHEM", STRING, "TABLE_NAME", STRING, "COLUMN_NAME", STRING, "DATA_TYPE", INT,
                "TYPE_NAME", STRING, "COLUMN_SIZE", INT, "BUFFER_LENGTH", SluiceType.TINYINT, "DECIMAL_DIGITS", INT,
                "NUM_PREC_RADIX", INT, "NULLABLE", INT, "REMARKS", STRING, "COLUMN_DEF", STRING, "SQL_DATA_TYPE", INT,
                "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", STRING,
                "SCOPE_CATALOG", STRING, "SCOPE_SCHEMA", STRING, "SCOPE_TABLE", STRING, "SOURCE_DATA_TYPE", SMALLINT,
                "IS_AUTO_INCREMENT", STRING), rows);
    }

    public static LocalResult functions(EngineMetadata metadata, NamePattern functionPattern)
    {
        List<Object[]> rows = new ArrayList<>();
        for (FunctionInfo function : metadata.listFunctions(functionPattern)) {
            int type = function.kind() == FunctionInfo.Kind.TABLE ? DatabaseMetaData.functionReturnsTable : DatabaseMetaData.functionNoTable;
            rows.add(new Object[] {null, null, function.name(), function.description().orElse(""), type, function.name()});
        }
        return new LocalResult(columns(
                "FUNCTION_CAT", STRING, "FUNCTION_SCHEM", STRING, "FUNCTION_NAME", STRING, "REMARKS", STRING,
                "FUNCTION_TYPE", INT, "SPECIFIC_NAME", STRING), rows);
    }

    public static LocalResult primaryKeys(EngineMetadata metadata, String database, String table)
    {
        List<Object[]> rows = new ArrayList<>();
        for (PrimaryKeyInfo key : metadata.listPrimaryKeys(database, table)) {
            rows.add(new Object[] {null, key.database(), key.table(), key.column(), key.sequence(), key.keyName()});
        }
        return new LocalResult(columns(
                "TABLE_CAT", STRING, "TABLE_SCHEM", STRING, "TABLE_NAME", STRING, "COLUMN_NAME", STRING, "KEY_SEQ", INT, "PK_NAME", STRING), rows);
    }

    public static LocalResult crossReference(EngineMetadata metadata, NamePattern parentDatabase, NamePattern parentTable, NamePattern foreignDatabase, NamePattern foreignTable)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ForeignKeyInfo key : metadata.listForeignKeys(parentDatabase, parentTable, foreignDatabase, foreignTable)) {
            rows.add(new Object[] {
                    null, key.parentDatabase(), key.parentTable(), key.parentColumn(),
                    null, key.foreignDatabase(), key.foreignTable(), key.foreignColumn(),
                    key.sequence(), DatabaseMetaData.importedKeyNoAction, DatabaseMetaData.importedKeyNoAction, key.keyName(), null,
                    DatabaseMetaData.importedKeyNotDeferrable});
        }
        return new LocalResult(columns(
                "PKTABLE_CAT", STRING, "PKTABLE_SCHEM", STRING, "PKTABLE_NAME", STRING, "PKCOLUMN_NAME", STRING,
                "FKTABLE_CAT", STRING, "FKTABLE_SCHEM", STRING, "FKTABLE_NAME", STRING, "FKCOLUMN_NAME", STRING,
                "KEY_SEQ", INT, "UPDATE_RULE", INT, "DELETE_RULE", INT, "FK_NAME", STRING, "PK_NAME", STRING, "DEFERRABILITY", INT), rows);
    }

    /** Columns from alternating names and types. */
    public static List<Column> columns(Object... namesAndTypes)
    {
        List<Column> columns = new ArrayList<>(namesAndTypes.length / 2);
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new Column((String) namesAndTypes[i], (SluiceType) namesAndTypes[i + 1]));
        }
        return columns;
    }

    /** A result whose columns, of these names, are all strings. */
    public static LocalResult strings(List<Object[]> rows, String... names)
    {
        List<Column> columns = new ArrayList<>(names.length);
        for (String name : names) {
            columns.add(new Column(name, SluiceType.STRING));
        }
        return new LocalResult(columns, rows);
    }
}
