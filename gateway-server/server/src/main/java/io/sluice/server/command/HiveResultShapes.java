package io.sluice.server.command;

import io.sluice.dialects.ast.SqlDescribeObject.Detail;
import io.sluice.server.operation.LocalResult;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.sluice.server.metadata.MetadataResults.columns;
import static io.sluice.spi.type.SluiceType.STRING;
import static java.util.stream.Collectors.joining;

/**
 * HiveServer2's result shapes (Hive 3 and 4, output not padded, as HiveServer2 sends it): one name column for the
 * SHOW lists, DESCRIBE with Hive's partition and detail sections, SHOW CREATE one row per line. PyHive's SQLAlchemy
 * dialect reads these by position: the first column of SHOW TABLES, the rows of DESCRIBE up to
 * {@code # Partition Information}, and Hive's "Table not found" error.
 */
final class HiveResultShapes
        implements ResultShapes
{
    static final HiveResultShapes INSTANCE = new HiveResultShapes();

    private HiveResultShapes() {}

    @Override
    public LocalResult databases(List<String> databases)
    {
        return DescribedTables.oneColumn("database_name", databases);
    }

    @Override
    public LocalResult tables(List<TableInfo> tables)
    {
        return DescribedTables.oneColumn("tab_name", tables.stream().map(TableInfo::name).toList());
    }

    @Override
    public LocalResult views(List<TableInfo> views)
    {
        return DescribedTables.oneColumn("tab_name", views.stream().map(TableInfo::name).toList());
    }

    @Override
    public LocalResult columnNames(List<ColumnInfo> columns)
    {
        return DescribedTables.oneColumn("field", columns.stream().map(ColumnInfo::name).toList());
    }

    @Override
    public LocalResult functions(List<String> functions)
    {
        return DescribedTables.oneColumn("tab_name", functions);
    }

    @Override
    public LocalResult describe(TableDetails table, List<ColumnInfo> columns, Detail detail)
    {
        List<ColumnInfo> partitionColumns = DescribedTables.partitionColumns(table, columns);
        List<Object[]> rows = new ArrayList<>();
        if (detail == Detail.FORMATTED) {
            rows.add(new Object[] {"# col_name", "data_type", "comment"});
        }
        for (ColumnInfo column : columns) {
            // Hive lists partition columns after the others, and again under # Partition Information.
            if (!partitionColumns.contains(column)) {
                rows.add(columnRow(column));
            }
        }
        for (ColumnInfo column : partitionColumns) {
            rows.add(columnRow(column));
        }
        if (!partitionColumns.isEmpty()) {
            rows.add(new Object[] {"", null, null});
            rows.add(new Object[] {"# Partition Information", null, null});
            rows.add(new Object[] {"# col_name", "data_type", "comment"});
            for (ColumnInfo column : partitionColumns) {
                rows.add(columnRow(column));
            }
        }
        TableInfo info = table.table();
        String tableType = info.type() == TableType.VIEW ? "VIRTUAL_VIEW" : "MANAGED_TABLE";
        if (detail == Detail.EXTENDED) {
            rows.add(new Object[] {"", null, null});
            rows.add(new Object[] {"Detailed Table Information", "Table(tableName:" + info.name() + ", dbName:" + info.database()
                    + ", owner:" + table.owner().orElse("") + ", location:" + table.location().orElse("")
                    + ", partitionKeys:[" + String.join(", ", table.partitionColumns()) + "], tableType:" + tableType
                    + table.viewText().map(text -> ", viewOriginalText:" + text).orElse("") + ")", ""});
        }
        else if (detail == Detail.FORMATTED) {
            rows.add(new Object[] {"", null, null});
            rows.add(new Object[] {"# Detailed Table Information", null, null});
            rows.add(new Object[] {"Database:", info.database(), null});
            table.owner().ifPresent(owner -> {
                rows.add(new Object[] {"OwnerType:", "USER", null});
                rows.add(new Object[] {"Owner:", owner, null});
            });
            rows.add(new Object[] {"LastAccessTime:", "UNKNOWN", null});
            rows.add(new Object[] {"Retention:", "0", null});
            table.location().ifPresent(location -> rows.add(new Object[] {"Location:", location, null}));
            rows.add(new Object[] {"Table Type:", tableType, null});
            if (info.comment().isPresent() || info.temporary()) {
                rows.add(new Object[] {"Table Parameters:", null, null});
                info.comment().ifPresent(comment -> rows.add(new Object[] {"", "comment", comment}));
                if (info.temporary()) {
                    rows.add(new Object[] {"", "TEMPORARY", "true"});
                }
            }
            table.viewText().ifPresent(text -> {
                rows.add(new Object[] {"", null, null});
                rows.add(new Object[] {"# View Information", null, null});
                rows.add(new Object[] {"View Original Text:", text, null});
                rows.add(new Object[] {"View Expanded Text:", text, null});
            });
            table.provider().ifPresent(provider -> {
                rows.add(new Object[] {"", null, null});
                rows.add(new Object[] {"# Storage Information", null, null});
                rows.add(new Object[] {"Storage Format:", provider, null});
            });
        }
        return new LocalResult(columns("col_name", STRING, "data_type", STRING, "comment", STRING), rows);
    }

    private static Object[] columnRow(ColumnInfo column)
    {
        return new Object[] {column.name(), column.type().displayName(), column.comment().orElse("")};
    }

    @Override
    public LocalResult describeDatabase(String database)
    {
        List<Object[]> rows = List.<Object[]>of(new Object[] {database, "", "", "", "", ""});
        return new LocalResult(columns("db_name", STRING, "comment", STRING, "location", STRING, "owner_name", STRING, "owner_type", STRING,
                "parameters", STRING), rows);
    }

    /** Hive's text, one row per line, as HiveServer2 answers SHOW CREATE TABLE. */
    @Override
    public LocalResult createStatement(TableDetails table, List<ColumnInfo> columns)
    {
        TableInfo info = table.table();
        StringBuilder statement = new StringBuilder();
        String name = DescribedTables.quotedName(info);
        if (info.type() == TableType.VIEW) {
            statement.append("CREATE VIEW ").append(name).append(" AS ").append(table.viewText().orElse(""));
        }
        else {
            List<ColumnInfo> partitionColumns = DescribedTables.partitionColumns(table, columns);
            List<ColumnInfo> dataColumns = columns.stream().filter(column -> !partitionColumns.contains(column)).toList();
            statement.append("CREATE TABLE ").append(name).append("(\n")
                    .append(dataColumns.stream().map(HiveResultShapes::columnDefinition).collect(joining(", \n")))
                    .append(')');
            info.comment().ifPresent(comment -> statement.append("\nCOMMENT ").append(DescribedTables.stringLiteral(comment)));
            if (!partitionColumns.isEmpty()) {
                statement.append("\nPARTITIONED BY ( \n")
                        .append(partitionColumns.stream().map(HiveResultShapes::columnDefinition).collect(joining(", \n")))
                        .append(')');
            }
            table.provider().ifPresent(provider -> statement.append("\nSTORED AS ").append(provider.toUpperCase(Locale.ROOT)));
            table.location().ifPresent(location -> statement.append("\nLOCATION\n  ").append(DescribedTables.stringLiteral(location)));
        }
        List<Object[]> rows = statement.toString().lines().map(line -> new Object[] {line}).toList();
        return new LocalResult(columns("createtab_stmt", STRING), rows);
    }

    private static String columnDefinition(ColumnInfo column)
    {
        return "  " + DescribedTables.quote(column.name()) + " " + column.type().displayName()
                + column.comment().map(comment -> " COMMENT " + DescribedTables.stringLiteral(comment)).orElse("");
    }

    /** Hive's message, which PyHive's {@code has_table} matches: {@code SemanticException.*Table not found <name as written>}. */
    @Override
    public SluiceException tableNotFound(Optional<String> writtenDatabase, String writtenTable, String database)
    {
        return new SluiceException(ErrorCode.TABLE_NOT_FOUND,
                "SemanticException [Error 10001]: Table not found " + writtenDatabase.map(name -> name + ".").orElse("") + writtenTable);
    }
}
