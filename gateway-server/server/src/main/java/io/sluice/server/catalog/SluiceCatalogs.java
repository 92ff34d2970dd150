package io.sluice.server.catalog;

import io.sluice.spi.metadata.TableStatistics;

import java.util.Optional;

/**
 * The catalogs Sluice serves itself, answered without asking an engine. Today the lakehouse's statistics; the
 * lakehouse's names and reachability come with the router.
 */
public interface SluiceCatalogs
{
    /**
     * The statistics of {@code table} in {@code database} when that database is one of Sluice's catalogs
     * ({@code lakehouse.<namespace>}); empty when it is not. Fails with TABLE_NOT_FOUND when it is and the table is missing.
     */
    Optional<TableStatistics> statistics(String database, String table);
}
