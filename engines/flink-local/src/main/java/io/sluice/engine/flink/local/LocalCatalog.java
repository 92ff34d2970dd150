package io.sluice.engine.flink.local;

import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogPropertiesUtil;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedCatalogView;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.expressions.DefaultSqlFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The local Flink's catalog: databases, tables and views that every gateway session sees and that survive a
 * restart, as a Hive Metastore or the lakehouse catalog would keep them. A database is a directory under the
 * catalog's path; a table or view is a {@code .table} properties file in it, written with Flink's own
 * serialization. A table created without a connector is a managed table: the filesystem connector in JSON under
 * {@code <path>/<database>/<table>/}, which dropping the table deletes.
 *
 * <p>The gateway creates a catalog per session from the catalog store, so one instance per path is shared by all
 * of them (its methods are synchronized). The sessions' {@code close} does not close it.
 */
public final class LocalCatalog
        extends GenericInMemoryCatalog
{
    private static final Map<Path, LocalCatalog> INSTANCES = new ConcurrentHashMap<>();
    private static final String SUFFIX = ".table";
    private static final String KIND = "sluice.kind";
    private static final String ORIGINAL_QUERY = "sluice.original-query";
    private static final String EXPANDED_QUERY = "sluice.expanded-query";

    private final Path path;

    private LocalCatalog(String name, String defaultDatabase, Path path)
    {
        super(name, defaultDatabase);
        this.path = requireNonNull(path, "path is null");
        load();
    }

    /** The one catalog kept at {@code path}, loaded from it on first use. */
    static LocalCatalog at(String name, String defaultDatabase, Path path)
    {
        return INSTANCES.computeIfAbsent(path.toAbsolutePath().normalize(), key -> new LocalCatalog(name, defaultDatabase, key));
    }

    private void load()
    {
        try {
            Files.createDirectories(path.resolve(getDefaultDatabase()));
            try (Stream<Path> databases = Files.list(path)) {
                for (Path database : databases.filter(Files::isDirectory).sorted().toList()) {
                    String name = database.getFileName().toString();
                    if (!super.databaseExists(name)) {
                        super.createDatabase(name, new CatalogDatabaseImpl(Map.of(), null), true);
                    }
                    try (Stream<Path> tables = Files.list(database)) {
                        for (Path table : tables.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                            String fileName = table.getFileName().toString();
                            super.createTable(new ObjectPath(name, fileName.substring(0, fileName.length() - SUFFIX.length())), read(table), true);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog at " + path, e);
        }
        catch (DatabaseAlreadyExistException | DatabaseNotExistException | TableAlreadyExistException e) {
            throw new CatalogException(e);
        }
    }

    @Override
    public void close()
    {
        // Shared by every session: it lives as long as the gateway.
    }

    @Override
    public synchronized void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists)
            throws DatabaseAlreadyExistException
    {
        super.createDatabase(name, database, ignoreIfExists);
        createDirectories(path.resolve(name));
    }

    @Override
    public synchronized void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade)
            throws DatabaseNotExistException, DatabaseNotEmptyException
    {
        super.dropDatabase(name, ignoreIfNotExists, cascade);
        deleteRecursively(path.resolve(name));
    }

    @Override
    public synchronized void createTable(ObjectPath table, CatalogBaseTable definition, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException
    {
        if (ignoreIfExists && super.tableExists(table)) {
            return;
        }
        CatalogBaseTable managed = managed(table, definition);
        super.createTable(table, managed, ignoreIfExists);
        write(table, managed);
    }

    @Override
    public synchronized void alterTable(ObjectPath table, CatalogBaseTable definition, boolean ignoreIfNotExists)
            throws TableNotExistException
    {
        super.alterTable(table, definition, ignoreIfNotExists);
        if (super.tableExists(table)) {
            write(table, definition);
        }
    }

    @Override
    public synchronized void dropTable(ObjectPath table, boolean ignoreIfNotExists)
            throws TableNotExistException
    {
        boolean managed = super.tableExists(table) && isManaged(table, super.getTable(table));
        super.dropTable(table, ignoreIfNotExists);
        try {
            Files.deleteIfExists(tableFile(table));
        }
        catch (IOException e) {
            throw new CatalogException("Cannot delete " + tableFile(table), e);
        }
        if (managed) {
            deleteRecursively(dataDirectory(table));
        }
    }

    @Override
    public synchronized void renameTable(ObjectPath table, String newName, boolean ignoreIfNotExists)
            throws TableNotExistException, TableAlreadyExistException
    {
        if (super.tableExists(table) && isManaged(table, super.getTable(table))) {
            throw new CatalogException("Renaming the managed table " + table.getFullName() + " is not supported by the local catalog");
        }
        super.renameTable(table, newName, ignoreIfNotExists);
        if (super.tableExists(new ObjectPath(table.getDatabaseName(), newName))) {
            try {
                Files.move(tableFile(table), tableFile(new ObjectPath(table.getDatabaseName(), newName)), StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException e) {
                throw new CatalogException("Cannot rename " + tableFile(table), e);
            }
        }
    }

    @Override
    public synchronized List<String> listDatabases()
    {
        return super.listDatabases();
    }

    @Override
    public synchronized CatalogDatabase getDatabase(String name)
            throws DatabaseNotExistException
    {
        return super.getDatabase(name);
    }

    @Override
    public synchronized boolean databaseExists(String name)
    {
        return super.databaseExists(name);
    }

    @Override
    public synchronized List<String> listTables(String database)
            throws DatabaseNotExistException
    {
        return super.listTables(database);
    }

    @Override
    public synchronized List<String> listViews(String database)
            throws DatabaseNotExistException
    {
        return super.listViews(database);
    }

    @Override
    public synchronized CatalogBaseTable getTable(ObjectPath table)
            throws TableNotExistException
    {
        return super.getTable(table);
    }

    @Override
    public synchronized boolean tableExists(ObjectPath table)
    {
        return super.tableExists(table);
    }

    /** A table without a connector becomes a filesystem table in JSON under the catalog's path. */
    private CatalogBaseTable managed(ObjectPath table, CatalogBaseTable definition)
    {
        if (!(definition instanceof CatalogTable catalogTable) || definition.getOptions().containsKey("connector")) {
            return definition;
        }
        Map<String, String> options = new HashMap<>(definition.getOptions());
        options.put("connector", "filesystem");
        options.put("path", dataDirectory(table).toUri().toString());
        options.putIfAbsent("format", "json");
        return catalogTable.copy(options);
    }

    /** Whether the catalog keeps the table's data (and deletes it with the table). */
    private boolean isManaged(ObjectPath table, CatalogBaseTable definition)
    {
        return dataDirectory(table).toUri().toString().equals(definition.getOptions().get("path"));
    }

    private Path tableFile(ObjectPath table)
    {
        return path.resolve(table.getDatabaseName()).resolve(table.getObjectName() + SUFFIX);
    }

    private Path dataDirectory(ObjectPath table)
    {
        return path.resolve(table.getDatabaseName()).resolve(table.getObjectName());
    }

    private void write(ObjectPath table, CatalogBaseTable definition)
    {
        Map<String, String> properties = new HashMap<>();
        if (definition instanceof ResolvedCatalogTable resolved) {
            properties.putAll(CatalogPropertiesUtil.serializeCatalogTable(resolved, DefaultSqlFactory.INSTANCE));
            properties.put(KIND, "TABLE");
        }
        else if (definition instanceof ResolvedCatalogView view) {
            properties.putAll(CatalogPropertiesUtil.serializeCatalogView(view, DefaultSqlFactory.INSTANCE));
            properties.put(KIND, "VIEW");
            properties.put(ORIGINAL_QUERY, view.getOriginalQuery());
            properties.put(EXPANDED_QUERY, view.getExpandedQuery());
        }
        else {
            throw new CatalogException("The local catalog keeps tables and views, not " + definition.getTableKind() + " " + table.getFullName());
        }
        Properties file = new Properties();
        file.putAll(properties);
        Path target = tableFile(table);
        try {
            Path temporary = Files.createTempFile(target.getParent(), ".", SUFFIX);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                file.store(writer, table.getFullName());
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new CatalogException("Cannot write " + target, e);
        }
    }

    private static CatalogBaseTable read(Path file)
            throws IOException
    {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        String kind = map.remove(KIND);
        String original = map.remove(ORIGINAL_QUERY);
        String expanded = map.remove(EXPANDED_QUERY);
        CatalogTable table = CatalogPropertiesUtil.deserializeCatalogTable(map);
        if ("VIEW".equals(kind)) {
            return CatalogView.of(table.getUnresolvedSchema(), table.getComment(), original, expanded, table.getOptions());
        }
        return table;
    }

    private static void createDirectories(Path directory)
    {
        try {
            Files.createDirectories(directory);
        }
        catch (IOException e) {
            throw new CatalogException("Cannot create " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        catch (IOException e) {
            throw new CatalogException("Cannot delete " + directory, e);
        }
    }
}
