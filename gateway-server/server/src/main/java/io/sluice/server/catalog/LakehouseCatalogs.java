package io.sluice.server.catalog;

import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.catalog.iceberg.LakehouseStatistics;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.metadata.TableStatistics;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Sluice's lakehouse catalog as the gateway reads it: databases {@code lakehouse.<namespace>}. */
public final class LakehouseCatalogs
        implements SluiceCatalogs
{
    private static final String PREFIX = LakehouseCatalog.NAME + ".";

    private final LakehouseCatalog lakehouse;

    public LakehouseCatalogs(LakehouseCatalog lakehouse)
    {
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
    }

    @Override
    public Optional<TableStatistics> statistics(String database, String table)
    {
        if (!database.toLowerCase(Locale.ROOT).startsWith(PREFIX) || database.length() == PREFIX.length()) {
            return Optional.empty();
        }
        Namespace namespace = Namespace.of(database.substring(PREFIX.length()).split("\\."));
        Table loaded;
        try {
            loaded = lakehouse.catalog().loadTable(TableIdentifier.of(namespace, table));
        }
        catch (NoSuchTableException e) {
            throw new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table '" + table + "' not found in database '" + database + "'", e);
        }
        return Optional.of(LakehouseStatistics.of(loaded));
    }
}
