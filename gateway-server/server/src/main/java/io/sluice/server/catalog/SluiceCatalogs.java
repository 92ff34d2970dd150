package io.sluice.server.catalog;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.Validation;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.metadata.EngineMetadata;
import io.sluice.spi.metadata.TableStatistics;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The catalogs Sluice serves itself, answered without asking an engine: the lakehouse's databases, tables, columns,
 * details and statistics, and how DuckDB reads its tables.
 */
public interface SluiceCatalogs
{
    /** An engine session's metadata with Sluice's catalogs in it: what SHOW, DESCRIBE and the metadata calls list. */
    EngineMetadata metadata(EngineMetadata engineMetadata);

    /**
     * What a scan of a table of Sluice's catalogs reads (rows, bytes, files): from its latest snapshot's summary,
     * cheap enough to ask for every statement; and after pruning by conditions every row read meets (the data files
     * Iceberg's scan planning keeps, by partitions and file metrics) for tables large enough for it to matter, cached
     * per snapshot and conditions. Conditions it cannot apply count as true; none means the full table. Empty when the
     * database is not Sluice's or the table does not exist.
     */
    Optional<TableStatistics> scanEstimate(String database, String table, List<StatementShape.ColumnPredicate> predicates);

    /** Whether {@code database} is one of Sluice's catalogs' ({@code lakehouse.<namespace>}). */
    boolean contains(String database);

    /**
     * What a statement for {@code engine} sees: Sluice's catalogs' tables ({@code lakehouse.<namespace>.<table>}), with
     * the query that reads them where the engine reads them so (DuckDB), over {@code engineView} for everything else.
     * One view per statement.
     */
    CatalogView view(Engine engine, CatalogView engineView);

    /**
     * A write of a table of Sluice's catalogs that Sluice carries out for the engine (DuckDB's writes of lakehouse
     * tables), planned from the validated statement; empty when the engine writes the table itself or the statement
     * writes none of Sluice's tables. Fails, naming what, when the engine cannot write it at all.
     */
    Optional<Write> write(Engine engine, Validation validation, Dialect input, String currentDatabase);

    /** A write Sluice carries out: what the operation log shows, and the work, given the engine's session. */
    interface Write
    {
        /** The statements DuckDB runs, or what Sluice does itself, for the operation log. */
        String description();

        /**
         * Carries it out; answers the rows written (0 for DDL).
         *
         * @param execute runs a statement on the engine as the operation's (cancel reaches it) and answers its count
         */
        long run(EngineSession session, ToLongFunction<String> execute);
    }

}
