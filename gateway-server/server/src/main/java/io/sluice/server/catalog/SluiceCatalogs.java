package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.metadata.EngineMetadata;

import java.util.Optional;

/**
 * The catalogs Sluice serves itself, answered without asking an engine: the lakehouse's databases, tables, columns,
 * details and statistics, and how DuckDB reads its tables.
 * The lakehouse as every session's default catalog, and which engines reach which catalog, come with the router.
 */
public interface SluiceCatalogs
{
    /** An engine session's metadata with Sluice's catalogs in it: what SHOW, DESCRIBE and the metadata calls list. */
    EngineMetadata metadata(EngineMetadata engineMetadata);

    /** Whether {@code database} is one of Sluice's catalogs' ({@code lakehouse.<namespace>}). */
    boolean contains(String database);

    /**
     * What a statement for {@code engine} sees: Sluice's catalogs' tables ({@code lakehouse.<namespace>.<table>}), with
     * the query that reads them where the engine reads them so (DuckDB), over {@code engineView} for everything else.
     * One view per statement.
     */
    CatalogView view(Engine engine, CatalogView engineView);
}
