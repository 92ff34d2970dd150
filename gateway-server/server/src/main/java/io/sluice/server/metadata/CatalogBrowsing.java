package io.sluice.server.metadata;

import io.sluice.server.operation.LocalResult;
import io.sluice.spi.metadata.NamePattern;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The HS2 metadata calls by catalog, the way BI tools browse (catalogs, then each catalog's databases, then their
 * tables): GetCatalogs lists the lakehouse and the engines' own catalogs; a GetSchemas, GetTables or GetColumns that
 * names a catalog answers that catalog's databases, by their names inside it, with the catalog in TABLE_CAT. Sluice
 * lists databases of other catalogs by qualified names ({@code lakehouse.sales}); unqualified ones belong to the
 * session's engine's own catalog. A call that names no catalog answers as before (every database, no TABLE_CAT).
 */
public final class CatalogBrowsing
{
    /** Catalog names by their lower case, as SHOW CATALOGS lists them. */
    private final Map<String, String> catalogs;
    private final Optional<String> defaultCatalog;

    private CatalogBrowsing(Map<String, String> catalogs, Optional<String> defaultCatalog)
    {
        this.catalogs = catalogs;
        this.defaultCatalog = defaultCatalog;
    }

    /**
     * @param reach each catalog and the engines that reach it (the router's data, SHOW CATALOGS)
     * @param engine the session's engine, whose own catalog holds the unqualified databases
     */
    public static CatalogBrowsing of(Map<String, Set<String>> reach, String engine)
    {
        Map<String, String> catalogs = new TreeMap<>();
        List<String> own = new ArrayList<>();
        reach.forEach((catalog, engines) -> {
            catalogs.put(catalog.toLowerCase(Locale.ROOT), catalog);
            if (!catalog.equals("lakehouse") && engines.contains(engine)) {
                own.add(catalog);
            }
        });
        return new CatalogBrowsing(catalogs, own.size() == 1 ? Optional.of(own.get(0)) : Optional.empty());
    }

    /** GetCatalogs: one row per catalog, ordered by name. */
    public LocalResult catalogs()
    {
        List<Object[]> rows = new ArrayList<>();
        catalogs.values().stream().sorted().forEach(catalog -> rows.add(new Object[] {catalog}));
        return new LocalResult(MetadataResults.columns("TABLE_CAT", SluiceType.STRING), rows);
    }

    /** The catalog a listed database belongs to and its name there; empty when it belongs to no catalog known. */
    Optional<String[]> split(String database)
    {
        if (database == null) {
            return Optional.empty();
        }
        int dot = database.indexOf('.');
        if (dot > 0) {
            String catalog = catalogs.get(database.substring(0, dot).toLowerCase(Locale.ROOT));
            if (catalog != null) {
                return Optional.of(new String[] {catalog, database.substring(dot + 1)});
            }
        }
        return defaultCatalog.map(catalog -> new String[] {catalog, database});
    }

    /** GetSchemas naming a catalog: of every database listed ({@code TABLE_SCHEM, TABLE_CATALOG}), that catalog's. */
    public LocalResult schemas(LocalResult all, String catalog, NamePattern schemaPattern)
    {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : all.rows()) {
            split((String) row[0]).filter(parts -> parts[0].equalsIgnoreCase(catalog) && schemaPattern.matches(parts[1]))
                    .ifPresent(parts -> rows.add(new Object[] {parts[1], parts[0]}));
        }
        return new LocalResult(all.columns(), rows);
    }

    /**
     * The one catalog holding a database of this name, for callers that name a catalog's database without the catalog
     * (the Hive JDBC driver sends GetSchemas' catalog but not GetTables' nor GetColumns'); empty when none or several do.
     */
    public Optional<String> onlyCatalogOf(LocalResult allSchemas, NamePattern databasePattern)
    {
        Set<String> found = new java.util.TreeSet<>();
        for (Object[] row : allSchemas.rows()) {
            split((String) row[0]).filter(parts -> databasePattern.matches(parts[1])).ifPresent(parts -> found.add(parts[0]));
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** GetTables or GetColumns naming a catalog: of every row listed (TABLE_CAT, TABLE_SCHEM first), that catalog's. */
    public LocalResult scoped(LocalResult all, String catalog, NamePattern schemaPattern)
    {
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : all.rows()) {
            split((String) row[1]).filter(parts -> parts[0].equalsIgnoreCase(catalog) && schemaPattern.matches(parts[1])).ifPresent(parts -> {
                Object[] scoped = row.clone();
                scoped[0] = parts[0];
                scoped[1] = parts[1];
                rows.add(scoped);
            });
        }
        return new LocalResult(all.columns(), rows);
    }
}
