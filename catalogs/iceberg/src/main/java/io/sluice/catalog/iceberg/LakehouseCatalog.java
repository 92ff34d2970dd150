package io.sluice.catalog.iceberg;

import io.sluice.metastore.Metastore;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The {@code lakehouse} catalog: Iceberg's JDBC catalog with its state in Sluice's metadata store (optimistic commits
 * on the metadata location, so engines committing at once never lose a commit) and its tables under the warehouse,
 * read and written through {@link LocalFileIO}. Every table and view location stays inside the warehouse.
 */
public final class LakehouseCatalog
        implements AutoCloseable
{
    public static final String NAME = "lakehouse";
    /** Where the lakehouse keeps its tables: a local directory or a {@code file:} URI (default {@code var/warehouse}). */
    public static final String WAREHOUSE = "catalog.lakehouse.warehouse";

    private final JdbcCatalog catalog;
    private final String warehouse;
    private final Path warehousePath;

    private LakehouseCatalog(JdbcCatalog catalog, String warehouse)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.warehousePath = LocalFileIO.file(warehouse).toPath().toAbsolutePath().normalize();
    }

    /** Opens the catalog on a migrated metadata store; {@code warehouse} is a local directory or {@code file:} URI. */
    public static LakehouseCatalog open(Metastore metastore, String warehouse)
    {
        File directory = LocalFileIO.file(warehouse).getAbsoluteFile();
        try {
            java.nio.file.Files.createDirectories(directory.toPath());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the lakehouse warehouse " + directory + " (" + WAREHOUSE + ")", e);
        }
        // file:///path, the form every engine's file system reads (Trino's local file system needs the authority part).
        String location = "file://" + directory.toPath().normalize();
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.URI, metastore.config().url());
        metastore.config().user().ifPresent(user -> properties.put(JdbcCatalog.PROPERTY_PREFIX + "user", user));
        metastore.config().password().ifPresent(password -> properties.put(JdbcCatalog.PROPERTY_PREFIX + "password", password));
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, location);
        properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
        // The store's migrations create the catalog's tables in the layout with views (V1).
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "schema-version", "V1");
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "init-catalog-tables", "false");
        // A table can only be created in a namespace that exists.
        properties.put(JdbcCatalog.PROPERTY_PREFIX + "strict-mode", "true");
        properties.put(CatalogProperties.CLIENT_POOL_SIZE, "4");
        JdbcCatalog catalog = new JdbcCatalog();
        catalog.initialize(NAME, properties);
        return new LakehouseCatalog(catalog, location);
    }

    /** Iceberg's catalog of tables, namespaces and views. */
    public JdbcCatalog catalog()
    {
        return catalog;
    }

    /** The warehouse as a {@code file:} URI. */
    public String warehouse()
    {
        return warehouse;
    }

    /** Fails with {@link IllegalArgumentException} (a bad request) when {@code location} lies outside the warehouse. */
    public void checkInWarehouse(String location)
    {
        Path path;
        try {
            path = LocalFileIO.file(location).toPath().toAbsolutePath().normalize();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Location " + location + " is outside the lakehouse warehouse " + warehouse, e);
        }
        if (!path.startsWith(warehousePath)) {
            throw new IllegalArgumentException("Location " + location + " is outside the lakehouse warehouse " + warehouse);
        }
    }

    @Override
    public void close()
            throws IOException
    {
        catalog.close();
    }
}
