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
import java.util.Optional;

import static io.sluice.server.metadata.MetadataResults.columns;
import static io.sluice.spi.type.SluiceType.BOOLEAN;
import static io.sluice.spi.type.SluiceType.STRING;
import static java.util.stream.Collectors.joining;

/** Spark SQL's result shapes (Spark 3.x and 4.x), as Spark's Thrift server and Kyuubi answer. */
final class SparkResultShapes
        implements ResultShapes
{
    static final SparkResultShapes INSTANCE = new SparkResultShapes();

    private SparkResultShapes() {}

    @Override
    public LocalResult databases(List<String> databases)
    {
        return DescribedTables.oneColumn("namespace", databases);
    }

    @Override
    public LocalResult tables(List<TableInfo> tables)
    {
        return new LocalResult(columns("namespace", STRING, "tableName", STRING, "isTemporary", BOOLEAN), tableRows(tables));
    }

    @Override
    public LocalResult views(List<TableInfo> views)
    {
        return new LocalResult(columns("namespace", STRING, "viewName", STRING, "isTemporary", BOOLEAN), tableRows(views));
    }

    private static List<Object[]> tableRows(List<TableInfo> tables)
    {
        return tables.stream().map(table -> new Object[] {table.database(), table.name(), table.temporary()}).toList();
    }

    @Override
    public LocalResult columnNames(List<ColumnInfo> columns)
    {
        return DescribedTables.oneColumn("col_name", columns.stream().map(ColumnInfo::name).toList());
    }

    @Override
    public LocalResult functions(List<String> functions)
    {
        return DescribedTables.oneColumn("function", functions);
    }

    @Override
    public LocalResult describe(TableDetails table, List<ColumnInfo> columns, Detail detail)
    {
        List<Object[]> rows = new ArrayList<>();
        for (ColumnInfo column : columns) {
            rows.add(new Object[] {column.name(), column.type().displayName(), column.comment().orElse(null)});
        }
        if (!table.partitionColumns().isEmpty()) {
            rows.add(new Object[] {"# Partition Information", "", ""});
            rows.add(new Object[] {"# col_name", "data_type", "comment"});
            for (ColumnInfo column : DescribedTables.partitionColumns(table, columns)) {
                rows.add(new Object[] {column.name(), column.type().displayName(), column.comment().orElse(null)});
            }
        }
        if (detail != Detail.NONE) {
            TableInfo info = table.table();
            rows.add(new Object[] {"", "", ""});
            rows.add(new Object[] {"# Detailed Table Information", "", ""});
            if (!info.temporary()) {
                rows.add(new Object[] {"Database", info.database(), ""});
            }
            rows.add(new Object[] {"Table", info.name(), ""});
            table.owner().ifPresent(owner -> rows.add(new Object[] {"Owner", owner, ""}));
            rows.add(new Object[] {"Type", info.temporary() ? "VIEW" : info.type() == TableType.VIEW ? "VIEW" : "MANAGED", ""});
            table.provider().ifPresent(provider -> rows.add(new Object[] {"Provider", provider, ""}));
            info.comment().ifPresent(comment -> rows.add(new Object[] {"Comment", comment, ""}));
            table.location().ifPresent(location -> rows.add(new Object[] {"Location", location, ""}));
            table.viewText().ifPresent(text -> rows.add(new Object[] {"View Text", text, ""}));
        }
        return new LocalResult(columns("col_name", STRING, "data_type", STRING, "comment", STRING), rows);
    }

    @Override
    public LocalResult describeDatabase(String database)
    {
        List<Object[]> rows = List.of(new Object[] {"Namespace Name", database}, new Object[] {"Comment", ""});
        return new LocalResult(columns("info_name", STRING, "info_value", STRING), rows);
    }

    /** One row with the whole statement, as Spark answers. */
    @Override
    public LocalResult createStatement(TableDetails table, List<ColumnInfo> columns)
    {
        TableInfo info = table.table();
        StringBuilder statement = new StringBuilder();
        String name = DescribedTables.quotedName(info);
        if (info.type() == TableType.VIEW) {
            statement.append(info.temporary() ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ").append(name).append(" (\n")
                    .append(columns.stream().map(column -> "  " + DescribedTables.quote(column.name())).collect(joining(",\n")))
                    .append(")\nAS ").append(table.viewText().orElse(""));
        }
        else {
            List<ColumnInfo> partitionColumns = DescribedTables.partitionColumns(table, columns);
            statement.append("CREATE TABLE ").append(name).append(" (\n")
                    .append(columns.stream().map(column -> "  " + DescribedTables.quote(column.name()) + " " + column.type().toString()
                            + (column.nullable() ? "" : " NOT NULL")
                            + column.comment().map(comment -> " COMMENT " + DescribedTables.stringLiteral(comment)).orElse(""))
                            .collect(joining(",\n")))
                    .append(")\n");
            table.provider().ifPresent(provider -> statement.append("USING ").append(provider).append('\n'));
            if (!partitionColumns.isEmpty()) {
                statement.append("PARTITIONED BY (").append(partitionColumns.stream().map(column -> DescribedTables.quote(column.name())).collect(joining(", "))).append(")\n");
            }
            info.comment().ifPresent(comment -> statement.append("COMMENT ").append(DescribedTables.stringLiteral(comment)).append('\n'));
            table.location().ifPresent(location -> statement.append("LOCATION ").append(DescribedTables.stringLiteral(location)).append('\n'));
        }
        return new LocalResult(columns("createtab_stmt", STRING), List.<Object[]>of(new Object[] {statement.toString()}));
    }

    @Override
    public SluiceException tableNotFound(Optional<String> writtenDatabase, String writtenTable, String database)
    {
        return new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table or view '" + writtenTable + "' not found in database '" + database + "'");
    }
}
