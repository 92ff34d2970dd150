package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.TimeTravel;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.ErrorType;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.metadata.ColumnInfo;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Spark's queries over files, {@code SELECT * FROM parquet.`/data/events`} (also {@code csv.}, {@code json.},
 * {@code orc.}, {@code avro.}, {@code text.}): a table whose "database" names a file format that is not a database,
 * and whose "table" is the path. Spark reads them as written. DuckDB reads them through a query that keeps Spark's
 * answer: Parquet as it is (a directory as every Parquet file under it, Hive-style partitions as columns); CSV as
 * Spark's defaults read it (no header, a comma, {@code "} quotes and {@code \} escapes, every column a string named
 * {@code _c0}, {@code _c1}, ...); JSON lines with their columns in name order, as Spark infers them. The other formats,
 * and every format on Trino and Flink (which read files only as a catalog's tables), are refused by name. The columns
 * are what the engine itself reads from the files, asked once per statement.
 */
public final class FileTables
        implements CatalogView
{
    private static final Set<String> FORMATS = Set.of("parquet", "csv", "json", "orc", "avro", "text");

    private final CatalogView delegate;
    private final String dialect;
    private final Supplier<EngineSession> session;
    private final Map<String, FileScan> scans = new HashMap<>();

    /** {@code view} with the queries over files the engine of {@code dialect} reads, probed in {@code session}. */
    public static CatalogView over(CatalogView view, String dialect, Supplier<EngineSession> session)
    {
        return new FileTables(view, dialect, session);
    }

    private FileTables(CatalogView delegate, String dialect, Supplier<EngineSession> session)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.session = requireNonNull(session, "session is null");
    }

    @Override
    public boolean databaseExists(String database)
    {
        return delegate.databaseExists(database);
    }

    @Override
    public Optional<List<ColumnInfo>> columns(String database, String table)
    {
        if (!isFile(database)) {
            return delegate.columns(database, table);
        }
        return Optional.of(fileScan(database.toLowerCase(Locale.ROOT), table).columns());
    }

    @Override
    public Optional<String> scan(String database, String table)
    {
        if (isFile(database)) {
            return fileScan(database.toLowerCase(Locale.ROOT), table).query();
        }
        return delegate.scan(database, table);
    }

    @Override
    public Optional<String> scan(String database, String table, TimeTravel asOf)
    {
        if (isFile(database)) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, format("%s.`%s` is a query over files: it has no versions to travel to", database, table));
        }
        return delegate.scan(database, table, asOf);
    }

    /** Whether {@code database} is a file format Spark reads files in ({@code parquet.`/path`}). */
    static boolean isFileFormat(String database)
    {
        return FORMATS.contains(database.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code database.table} reads files: the database names a format and no database of that name exists. */
    private boolean isFile(String database)
    {
        return isFileFormat(database) && !delegate.databaseExists(database);
    }

    private static String key(String database, String table)
    {
        return database.toLowerCase(Locale.ROOT) + "\u0000" + table;
    }

    private FileScan fileScan(String format, String path)
    {
        String key = key(format, path);
        FileScan scan = scans.get(key);
        if (scan == null) {
            scan = switch (dialect) {
                case "spark" -> new FileScan(columns(format + ".`" + path.replace("`", "``") + "`", format, path), Optional.empty());
                case "duckdb" -> duckDbScan(format, path);
                default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, format("Queries over files (%s.`%s`) run on DuckDB and Spark; %s reads files only "
                        + "as the tables of a catalog (create a table over them in the lakehouse)", format, path, dialect));
            };
            scans.put(key, scan);
        }
        return scan;
    }

    private FileScan duckDbScan(String format, String path)
    {
        String literal = "'" + localPath(format, path).replace("'", "''") + "'";
        return switch (format) {
            case "parquet" -> {
                String read = "read_parquet(" + literal + ", hive_partitioning = true)";
                yield new FileScan(columns(read, format, path), Optional.of("SELECT * FROM " + read));
            }
            case "csv" -> {
                String read = "read_csv(" + literal + ", header = false, delim = ',', quote = '\"', escape = '\\', all_varchar = true, hive_partitioning = true)";
                List<ColumnInfo> raw = columns(read, format, path);
                List<ColumnInfo> named = new ArrayList<>();
                List<String> select = new ArrayList<>();
                for (ColumnInfo column : raw) {
                    String name = column.name().matches("column\\d+") ? "_c" + Integer.parseInt(column.name().substring("column".length())) : column.name();
                    select.add(quoted(column.name()) + " AS " + quoted(name));
                    named.add(new ColumnInfo(column.database(), column.table(), name, column.type(), named.size() + 1, true, Optional.empty(), Optional.empty()));
                }
                yield new FileScan(named, Optional.of("SELECT " + String.join(", ", select) + " FROM " + read));
            }
            case "json" -> {
                String read = "read_json_auto(" + literal + ", format = 'newline_delimited')";
                List<ColumnInfo> sorted = new ArrayList<>(columns(read, format, path));
                sorted.sort(Comparator.comparing(ColumnInfo::name));
                List<ColumnInfo> ordered = new ArrayList<>();
                for (ColumnInfo column : sorted) {
                    ordered.add(new ColumnInfo(column.database(), column.table(), column.name(), column.type(), ordered.size() + 1, true, Optional.empty(), Optional.empty()));
                }
                yield new FileScan(ordered, Optional.of("SELECT " + String.join(", ", ordered.stream().map(column -> quoted(column.name())).toList()) + " FROM " + read));
            }
            default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, format("DuckDB does not read %s files (%s.`%s`): Spark does", format, format, path));
        };
    }

    /** The path DuckDB reads: a directory as the files of the format under it, at any depth. */
    private static String localPath(String format, String path)
    {
        String local = path.startsWith("file://") ? path.substring("file://".length()) : path.startsWith("file:") ? path.substring("file:".length()) : path;
        try {
            if (Files.isDirectory(Path.of(local))) {
                return local.replaceAll("/+$", "") + "/**/*." + (format.equals("csv") ? "csv" : format.equals("json") ? "json" : "parquet");
            }
        }
        catch (InvalidPathException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("%s.`%s` does not name a path: %s", format, path, e.getMessage()), e);
        }
        return local;
    }

    /** The columns the engine reads from the files, from a query that returns no rows. */
    private List<ColumnInfo> columns(String relation, String format, String path)
    {
        try (EngineStatement statement = session.get().createStatement("SELECT * FROM " + relation + " LIMIT 0")) {
            statement.execute();
            List<ColumnInfo> columns = new ArrayList<>();
            for (Column column : statement.columns()) {
                columns.add(new ColumnInfo(format, path, column.name(), column.type(), columns.size() + 1, true, Optional.empty(), Optional.empty()));
            }
            return columns;
        }
        catch (SluiceException e) {
            throw new SluiceException(e.errorCode().type() == ErrorType.USER_ERROR || e.errorCode().type() == ErrorType.EXTERNAL ? ErrorCode.TABLE_NOT_FOUND : e.errorCode(),
                    format("Cannot read the %s files at '%s': %s", format, path, e.getMessage()), e);
        }
    }

    private static String quoted(String name)
    {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private record FileScan(List<ColumnInfo> columns, Optional<String> query) {}
}
