package io.sluice.catalog.iceberg;

import io.sluice.metastore.Metastore;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.requests.UpdateTableRequest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
    private final Metastore metastore;
    private final String warehouse;
    private final Path warehousePath;

    private LakehouseCatalog(JdbcCatalog catalog, Metastore metastore, String warehouse)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.metastore = requireNonNull(metastore, "metastore is null");
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
        return new LakehouseCatalog(catalog, metastore, location);
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

    /**
     * Commits changes to several tables atomically (the Iceberg REST {@code POST /v1/transactions/commit}): each
     * change's requirements are checked against the table's current metadata and its updates applied into a new
     * metadata file; then every table's metadata location moves from the one the change was checked against to the new
     * one in one transaction of the metadata store. When any requirement fails or another writer committed meanwhile,
     * nothing changes ({@link CommitFailedException}, which REST clients see as 409 and retry) and the new files are
     * deleted.
     */
    public void commitTransaction(List<UpdateTableRequest> changes)
    {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("A transaction commits changes to at least one table");
        }
        Set<TableIdentifier> seen = new HashSet<>();
        List<TableMetadata> bases = new ArrayList<>();
        List<String> written = new ArrayList<>();
        FileIO io = null;
        try {
            for (UpdateTableRequest change : changes) {
                TableIdentifier identifier = change.identifier();
                if (identifier == null || !seen.add(identifier)) {
                    throw new IllegalArgumentException(identifier == null ? "A table change without a table identifier" : "Table " + identifier + " is changed twice in one transaction");
                }
                TableOperations operations = ((HasTableOperations) catalog.loadTable(identifier)).operations();
                io = operations.io();
                TableMetadata base = operations.refresh();
                for (UpdateRequirement requirement : change.requirements()) {
                    requirement.validate(base);
                }
                TableMetadata.Builder builder = TableMetadata.buildFrom(base);
                for (MetadataUpdate update : change.updates()) {
                    if (update instanceof MetadataUpdate.SetLocation setLocation) {
                        checkInWarehouse(setLocation.location());
                    }
                    update.applyTo(builder);
                }
                TableMetadata updated = builder.build();
                String location = newMetadataLocation(base);
                TableMetadataParser.write(updated, io.newOutputFile(location));
                written.add(location);
                bases.add(base);
            }
            List<TableMetadata> checked = bases;
            metastore.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE iceberg_tables SET metadata_location = ?, previous_metadata_location = ?"
                        + " WHERE catalog_name = ? AND table_namespace = ? AND table_name = ? AND metadata_location = ?"
                        + " AND (iceberg_type = 'TABLE' OR iceberg_type IS NULL)")) {
                    for (int i = 0; i < changes.size(); i++) {
                        TableIdentifier identifier = changes.get(i).identifier();
                        update.setString(1, written.get(i));
                        update.setString(2, checked.get(i).metadataFileLocation());
                        update.setString(3, NAME);
                        update.setString(4, String.join(".", identifier.namespace().levels()));
                        update.setString(5, identifier.name());
                        update.setString(6, checked.get(i).metadataFileLocation());
                        if (update.executeUpdate() != 1) {
                            throw new CommitFailedException("Table %s was changed by another commit while the transaction was prepared", identifier);
                        }
                    }
                }
                return null;
            });
        }
        catch (RuntimeException e) {
            for (String location : written) {
                try {
                    io.deleteFile(location);
                }
                catch (RuntimeException ignored) {
                    // Not written after all.
                }
            }
            throw e;
        }
    }

    /** The next metadata file of a table, as Iceberg names them: {@code <version>-<uuid>.metadata.json} beside the current one. */
    private static String newMetadataLocation(TableMetadata base)
    {
        String current = base.metadataFileLocation();
        String directory = base.properties().getOrDefault(TableProperties.WRITE_METADATA_LOCATION, base.location() + "/metadata");
        int version = 0;
        if (current != null) {
            String file = current.substring(current.lastIndexOf('/') + 1);
            int dash = file.indexOf('-');
            try {
                version = dash > 0 ? Integer.parseInt(file.substring(0, dash)) : 0;
            }
            catch (NumberFormatException e) {
                version = 0;
            }
        }
        return String.format("%s/%05d-%s.metadata.json", directory.replaceFirst("/$", ""), version + 1, UUID.randomUUID());
    }

    @Override
    public void close()
            throws IOException
    {
        catalog.close();
    }
}
