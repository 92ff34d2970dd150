package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.metadata.TableStatistics;

import java.util.Optional;

/**
 * The catalogs Sluice serves itself, answered without asking an engine: the lakehouse's tables and their statistics.
 * The lakehouse as every session's default catalog, and which engines reach which catalog, come with the router.
 */
public interface SluiceCatalogs
{
    /**
     * The statistics of {@code table} in {@code database} when that database is one of Sluice's catalogs
     * ({@code lakehouse.<namespace>}); empty when it is not. Fails with TABLE_NOT_FOUND when it is and the table is missing.
     */
    Optional<TableStatistics> statistics(String database, String table);

    /** Whether {@code database} is one of Sluice's catalogs' ({@code lakehouse.<namespace>}). */
    boolean contains(String database);

    /**
     * What a statement for {@code engine} sees: Sluice's catalogs' tables ({@code lakehouse.<namespace>.<table>}), with
     * the query that reads them where the engine reads them so (DuckDB), over {@code engineView} for everything else.
     * One view per statement.
     */
    CatalogView view(Engine engine, CatalogView engineView);
}
