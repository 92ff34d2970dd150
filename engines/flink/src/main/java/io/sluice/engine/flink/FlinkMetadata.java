package io.sluice.engine.flink;

import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.FunctionInfo;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.metadata.TableInfo;
import io.sluice.spi.metadata.TableType;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.sluice.engine.flink.FlinkSession.quote;
import static java.util.Objects.requireNonNull;

/**
 * The databases, tables and columns of the session's current Flink catalog, read with SHOW and DESCRIBE. Flink's
 * {@code default_database} is Sluice's {@code default}.
 */
final class FlinkMetadata
        implements EngineMetadata
{
    private final FlinkSession session;

    FlinkMetadata(FlinkSession session)
    {
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public List<String> listDatabases(NamePattern databasePattern)
    {
        List<String> databases = new ArrayList<>();
        for (Object[] row : session.queryRows("SHOW DATABASES")) {
            String name = toDatabase((String) row[0]);
            if (databasePattern.matches(name)) {
                databases.add(name);
            }
        }
        return databases;
    }

    @Override
    public List<TableInfo> listTables(NamePattern databasePattern, NamePattern tablePattern)
    {
        List<TableInfo> tables = new ArrayList<>();
        for (String database : listDatabases(databasePattern)) {
            String schema = quote(session.schemaName(database));
            List<String> views = new ArrayList<>();
            for (Object[] row : session.queryRows("SHOW VIEWS FROM " + schema)) {
                views.add((String) row[0]);
            }
            for (Object[] row : session.queryRows("SHOW TABLES FROM " + schema)) {
                String name = (String) row[0];
                if (tablePattern.matches(name)) {
                    tables.add(new TableInfo(database, name, views.contains(name) ? TableType.VIEW : TableType.TABLE, false, Optional.empty()));
                }
            }
        }
        return tables;
    }

    /**
     * The columns of the matching tables. An exact database and table name (a statement's lookup) is tried first
     * with one DESCRIBE, which in Flink matches case-sensitively; if that finds nothing, the tables are listed and
     * matched ignoring case, as Spark matches names.
     */
    @Override
    public List<ColumnInfo> listColumns(NamePattern databasePattern, NamePattern tablePattern, NamePattern columnPattern)
    {
        if (databasePattern.exactName().isPresent() && tablePattern.exactName().isPresent()) {
            String database = databasePattern.exactName().get();
            String table = tablePattern.exactName().get();
            try {
                return describe(database, table, columnPattern);
            }
            catch (SluiceException e) {
                if (e.errorCode() != ErrorCode.TABLE_NOT_FOUND && e.errorCode() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw e;
                }
                // Not under that spelling: look for it ignoring case.
            }
        }
        List<ColumnInfo> columns = new ArrayList<>();
        for (TableInfo table : listTables(databasePattern, tablePattern)) {
            columns.addAll(describe(table.database(), table.name(), columnPattern));
        }
        return columns;
    }

    private List<ColumnInfo> describe(String database, String table, NamePattern columnPattern)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        int ordinal = 0;
        for (Object[] row : session.queryRows("DESCRIBE " + quote(session.schemaName(database)) + "." + quote(table))) {
            ordinal++;
            String name = (String) row[0];
            if (columnPattern.matches(name)) {
                columns.add(new ColumnInfo(database, table, name, parseType((String) row[1]), ordinal,
                        Boolean.TRUE.equals(row[2]), Optional.empty(), Optional.empty()));
            }
        }
        return columns;
    }

    @Override
    public void createDatabase(String database, boolean ifNotExists)
    {
        session.queryRows("CREATE DATABASE " + (ifNotExists ? "IF NOT EXISTS " : "") + quote(session.schemaName(database)));
    }

    @Override
    public void dropDatabase(String database, boolean ifExists, boolean cascade)
    {
        session.queryRows("DROP DATABASE " + (ifExists ? "IF EXISTS " : "") + quote(session.schemaName(database)) + (cascade ? " CASCADE" : ""));
    }

    @Override
    public List<FunctionInfo> listFunctions(NamePattern functionPattern)
    {
        return List.of();
    }

    /**
     * A type as DESCRIBE prints it, e.g. {@code DECIMAL(10, 2) NOT NULL}, {@code MAP<VARCHAR(2147483647), INT>} or
     * {@code ROW<`x` INT, `y` STRING>}; types Sluice does not model read as STRING.
     */
    static SluiceType parseType(String text)
    {
        String type = text.strip();
        if (type.toUpperCase(Locale.ROOT).endsWith(" NOT NULL")) {
            type = type.substring(0, type.length() - " NOT NULL".length()).strip();
        }
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DECIMAL(")) {
            String[] parts = type.substring(8, type.indexOf(')')).split(",");
            return SluiceType.decimal(Integer.parseInt(parts[0].trim()), parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 0);
        }
        if (upper.startsWith("ARRAY<")) {
            return SluiceType.array(parseType(type.substring(6, type.lastIndexOf('>'))));
        }
        if (upper.startsWith("MAP<")) {
            List<String> parts = topLevel(type.substring(4, type.lastIndexOf('>')));
            return SluiceType.map(parseType(parts.get(0)), parseType(parts.get(1)));
        }
        if (upper.startsWith("ROW<")) {
            List<String> names = new ArrayList<>();
            List<SluiceType> types = new ArrayList<>();
            for (String field : topLevel(type.substring(4, type.lastIndexOf('>')))) {
                String name;
                String rest;
                if (field.startsWith("`")) {
                    int close = field.indexOf('`', 1);
                    while (close + 1 < field.length() && field.charAt(close + 1) == '`') {
                        close = field.indexOf('`', close + 2);
                    }
                    name = field.substring(1, close).replace("``", "`");
                    rest = field.substring(close + 1);
                }
                else {
                    int space = field.indexOf(' ');
                    name = field.substring(0, space);
                    rest = field.substring(space);
                }
                // A field may carry a comment: ROW<`a` INT 'comment'>.
                rest = rest.strip();
                int comment = rest.indexOf(" '");
                names.add(name);
                types.add(parseType(comment < 0 ? rest : rest.substring(0, comment)));
            }
            return SluiceType.struct(names, types);
        }
        if (upper.contains("WITH LOCAL TIME ZONE")) {
            return SluiceType.TIMESTAMP_WITH_TIME_ZONE;
        }
        String base = upper.contains("(") ? upper.substring(0, upper.indexOf('(')) : upper.split(" ")[0];
        return switch (base) {
            case "BOOLEAN" -> SluiceType.BOOLEAN;
            case "TINYINT" -> SluiceType.TINYINT;
            case "SMALLINT" -> SluiceType.SMALLINT;
            case "INT", "INTEGER" -> SluiceType.INTEGER;
            case "BIGINT" -> SluiceType.BIGINT;
            case "FLOAT" -> SluiceType.FLOAT;
            case "DOUBLE" -> SluiceType.DOUBLE;
            case "DATE" -> SluiceType.DATE;
            case "TIMESTAMP" -> SluiceType.TIMESTAMP;
            case "TIMESTAMP_LTZ" -> SluiceType.TIMESTAMP_WITH_TIME_ZONE;
            case "BYTES", "BINARY", "VARBINARY" -> SluiceType.BINARY;
            default -> SluiceType.STRING;
        };
    }

    /** The comma-separated parts of a type's parameters, split at the top level only. */
    private static List<String> topLevel(String parameters)
    {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (c == '`' || c == '\'') {
                quoted = !quoted;
            }
            else if (!quoted && (c == '<' || c == '(')) {
                depth++;
            }
            else if (!quoted && (c == '>' || c == ')')) {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',') {
                parts.add(parameters.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(parameters.substring(start).strip());
        return parts;
    }

    private static String toDatabase(String schema)
    {
        return schema.equals(FlinkEngine.DEFAULT_DATABASE) ? "default" : schema;
    }
}
