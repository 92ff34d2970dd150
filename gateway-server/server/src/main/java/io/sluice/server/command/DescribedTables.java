package io.sluice.server.command;

import io.sluice.server.metadata.MetadataResults;
import io.sluice.server.operation.LocalResult;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.List;

/** What Spark's and Hive's shapes share: one-column lists, partition columns, names and literals as written in DDL. */
final class DescribedTables
{
    private DescribedTables() {}

    /** A result of one string column. */
    static LocalResult oneColumn(String name, List<String> values)
    {
        return new LocalResult(MetadataResults.columns(name, SluiceType.STRING), values.stream().map(value -> new Object[] {value}).toList());
    }

    /** The table's partition columns with their types, in partition order. */
    static List<ColumnInfo> partitionColumns(TableDetails table, List<ColumnInfo> columns)
    {
        List<ColumnInfo> partitionColumns = new ArrayList<>();
        for (String name : table.partitionColumns()) {
            columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst().ifPresent(partitionColumns::add);
        }
        return partitionColumns;
    }

    /** {@code `database`.`table`}, or {@code `table`} for a temporary view. */
    static String quotedName(TableInfo table)
    {
        return table.temporary() ? quote(table.name()) : quote(table.database()) + "." + quote(table.name());
    }

    static String quote(String identifier)
    {
        return "`" + identifier.replace("`", "``") + "`";
    }

    static String stringLiteral(String text)
    {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
