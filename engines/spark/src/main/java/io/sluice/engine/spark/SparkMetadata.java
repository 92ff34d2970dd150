package io.sluice.engine.spark;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableDetails;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableType;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalog.Database;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.connect.Catalog;
import org.apache.spark.sql.types.StructField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Spark's databases, tables and columns from its catalog API over Spark Connect. A session's temporary views are
 * tables without a database ({@code ""}), as the validator expects. Column types come from the table's schema.
 */
final class SparkMetadata
        implements EngineMetadata
{
    /** DESCRIBE TABLE EXTENDED's statistics: {@code 1234 bytes, 50 rows}. */
    private static final Pattern ROWS = Pattern.compile("(\\d+) rows");

    private final SparkEngineSession session;

    SparkMetadata(SparkEngineSession session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    private Catalog catalog()
    {
        return session.spark().catalog();
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        try {
            if (databasePattern.exactName().isPresent()) {
                String database = databasePattern.exactName().get();
                return catalog().databaseExists(quoteDatabase(database)) ? List.of(database.toLowerCase(Locale.ROOT)) : List.of();
            }
            List<String> databases = new ArrayList<>();
            for (Database database : catalog().listDatabases().collectAsList()) {
                if (databasePattern.matches(database.name())) {
                    databases.add(database.name());
                }
            }
            return databases;
        }
        catch (Throwable e) {
            throw SparkErrors.translate(e, session.remote());
        }
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        List<TableInfo> tables = new ArrayList<>();
        for (String database : listDatabases(databasePattern)) {
            try {
                for (Table table : catalog().listTables(database).collectAsList()) {
                    if (!tablePattern.matches(table.name())) {
                        continue;
                    }
                    TableType type = "VIEW".equalsIgnoreCase(table.tableType()) || table.isTemporary() ? TableType.VIEW : TableType.TABLE;
                    tables.add(new TableInfo(table.isTemporary() ? "" : database, table.name(), type, table.isTemporary(),
                            Optional.ofNullable(table.description()).filter(description -> !description.isEmpty())));
                }
            }
            catch (AnalysisException e) {
                // The database went away while listing.
            }
            catch (Throwable e) {
                throw SparkErrors.translate(e, session.remote());
            }
        }
        return tables;
    }

    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        if (databasePattern.exactName().isPresent() && tablePattern.exactName().isPresent()) {
            columns(databasePattern.exactName().get(), tablePattern.exactName().get(), columnPattern, columns);
            return columns;
        }
        for (TableInfo table : listTables(databasePattern, tablePattern)) {
            columns(table.temporary() ? catalog().currentDatabase() : table.database(), table.name(), columnPattern, columns);
        }
        return columns;
    }

    /** One table's columns; a temporary view of the name hides the current database's table, as in Spark. */
    private void columns(String database, String table, NamePattern columnPattern, List<ColumnInfo> columns)
    {
        try {
            boolean temporary = false;
            if (database.equalsIgnoreCase(catalog().currentDatabase()) && catalog().tableExists(table)) {
                temporary = catalog().getTable(table).isTemporary();
            }
            String name = temporary ? quote(table) : quoteDatabase(database) + "." + quote(table);
            int ordinal = 0;
            for (StructField field : session.spark().table(name).schema().fields()) {
                ordinal++;
                if (columnPattern.matches(field.name())) {
                    columns.add(new ColumnInfo(temporary ? "" : database.toLowerCase(Locale.ROOT), table.toLowerCase(Locale.ROOT), field.name(),
                            SparkTypes.toSluiceType(field.dataType()), ordinal, field.nullable(), Optional.empty(),
                            field.getComment().isDefined() ? Optional.of(field.getComment().get()) : Optional.empty()));
                }
            }
        }
        catch (Throwable e) {
            SluiceException error = SparkErrors.translate(e, session.remote());
            if (error.errorCode() != ErrorCode.TABLE_NOT_FOUND && error.errorCode() != ErrorCode.DATABASE_NOT_FOUND
                    && error.errorCode() != ErrorCode.ANALYSIS_ERROR) {
                throw error;
            }
            // No such table: no columns.
        }
    }

    /** From {@code DESCRIBE TABLE EXTENDED}: partition columns, a view's text, location, owner and provider. */
    @Override
    public TableDetails tableDetails(TableInfo table)
    {
        String name = table.temporary() ? quote(table.name()) : quoteDatabase(table.database()) + "." + quote(table.name());
        List<String> partitionColumns = new ArrayList<>();
        Map<String, String> details = new HashMap<>();
        String section = "";
        for (Object[] row : session.queryRows("DESCRIBE TABLE EXTENDED " + name)) {
            String key = row[0] == null ? "" : ((String) row[0]).strip();
            String value = row[1] == null ? "" : ((String) row[1]).strip();
            if (key.startsWith("#")) {
                if (!key.equals("# col_name")) {
                    section = key;
                }
            }
            else if (key.isEmpty()) {
                section = "";
            }
            else if (section.equals("# Partition Information")) {
                partitionColumns.add(key);
            }
            else if (section.equals("# Detailed Table Information") && !value.isEmpty()) {
                details.put(key, value);
            }
        }
        return new TableDetails(table, partitionColumns, Optional.ofNullable(details.get("View Text")), Optional.ofNullable(details.get("Location")),
                Optional.ofNullable(details.get("Owner")), Optional.ofNullable(details.get("Provider")));
    }

    /**
     * What Spark's catalog keeps of a table: size and row count (after {@code ANALYZE TABLE ... COMPUTE STATISTICS}),
     * and per column (after {@code ... FOR ALL COLUMNS}) distinct values, NULLs, lowest and highest value.
     */
    @Override
    public Optional<TableStatistics> tableStatistics(String database, String table)
    {
        List<ColumnInfo> columns = listColumns(NamePattern.exact(database), NamePattern.exact(table), NamePattern.any());
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        String name = columns.get(0).database().isEmpty() ? quote(table) : quoteDatabase(database) + "." + quote(table);
        OptionalDouble rowCount = OptionalDouble.empty();
        for (Object[] row : session.queryRows("DESCRIBE TABLE EXTENDED " + name)) {
            if ("Statistics".equals(row[0]) && row[1] != null) {
                Matcher matcher = ROWS.matcher((String) row[1]);
                if (matcher.find()) {
                    rowCount = OptionalDouble.of(Double.parseDouble(matcher.group(1)));
                }
            }
        }
        List<TableStatistics.ColumnStatistics> statistics = new ArrayList<>();
        for (ColumnInfo column : columns) {
            Map<String, String> info = new HashMap<>();
            for (Object[] row : session.queryRows("DESCRIBE TABLE EXTENDED " + name + " " + quote(column.name()))) {
                if (row[1] != null && !"NULL".equals(row[1])) {
                    info.put((String) row[0], (String) row[1]);
                }
            }
            OptionalDouble nulls = number(info.get("num_nulls"));
            OptionalDouble nullsFraction = nulls.isPresent() && rowCount.isPresent() && rowCount.getAsDouble() > 0
                    ? OptionalDouble.of(nulls.getAsDouble() / rowCount.getAsDouble())
                    : OptionalDouble.empty();
            OptionalDouble averageLength = number(info.get("avg_col_len"));
            OptionalDouble dataSize = averageLength.isPresent() && rowCount.isPresent()
                    ? OptionalDouble.of(averageLength.getAsDouble() * rowCount.getAsDouble())
                    : OptionalDouble.empty();
            statistics.add(new TableStatistics.ColumnStatistics(column.name(), dataSize, number(info.get("distinct_count")), nullsFraction,
                    Optional.ofNullable(info.get("min")), Optional.ofNullable(info.get("max"))));
        }
        return Optional.of(new TableStatistics(rowCount, statistics));
    }

    private static OptionalDouble number(String text)
    {
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text.strip()));
        }
        catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Sluice's own catalog answers SHOW FUNCTIONS; Spark's functions are Spark SQL's, which Sluice reads already. */
    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        return List.of();
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        session.queryRows("CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + quoteDatabase(database));
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        session.queryRows("DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + quoteDatabase(database) + (cascade ? " CASCADE" : ""));
    }

    /**
     * A database as Spark SQL names it: {@code `sales`}, or {@code `lakehouse`.`sales`} for a database of another
     * catalog (Spark's session catalog allows no dots in database names, so a dot always separates the catalog).
     */
    private static String quoteDatabase(String database)
    {
        StringBuilder quoted = new StringBuilder();
        for (String part : database.split("\\.", -1)) {
            if (!quoted.isEmpty()) {
                quoted.append('.');
            }
            quoted.append(quote(part));
        }
        return quoted.toString();
    }

    private static String quote(String name)
    {
        return "`" + name.replace("`", "``") + "`";
    }
}
