package io.sluice.server.catalog;

import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.Validation;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.metadata.EngineMetadata;
import org.apache.calcite.sql.SqlNode;

import java.util.function.UnaryOperator;

/**
 * {@code TRANSPILE} and {@code POST /api/v1/sql/transpile}: a statement validated against an engine's catalog and
 * written in another dialect. When the target is the engine's own dialect, database names become the engine's.
 */
public final class Transpilations
{
    private Transpilations() {}

    public static String transpile(String sql, Dialect from, Dialect to, Engine engine, EngineMetadata metadata, String database)
    {
        return transpile(Transpiler.parse(sql, from), from, to, engine, metadata, database);
    }

    /** The same, for a statement already parsed in {@code from}. */
    public static String transpile(SqlNode parsed, Dialect from, Dialect to, Engine engine, EngineMetadata metadata, String database)
    {
        return transpile(parsed, from, to, engine, new EngineCatalogView(metadata, database), database);
    }

    /** The same, validated against a catalog view (one with Sluice's catalogs in it, say). */
    public static String transpile(SqlNode parsed, Dialect from, Dialect to, Engine engine, CatalogView catalog, String database)
    {
        Validation validation = Transpiler.validate(parsed, from, catalog, database);
        UnaryOperator<String> names = engine.dialect().equals(to.settingValue()) ? engine::schemaName : UnaryOperator.identity();
        return Transpiler.unparse(validation, from, to, names);
    }
}
