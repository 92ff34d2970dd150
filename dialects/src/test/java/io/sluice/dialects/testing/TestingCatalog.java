package io.sluice.dialects.testing;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.TimeTravel;
import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.type.SluiceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory catalog for the dialect tests: database {@code default} with table {@code t} (one column of
 * each kind) and {@code u(k, v)}, and database {@code sales} with {@code orders(id, amount, day)}.
 */
public final class TestingCatalog
        implements CatalogView
{
    public static final TestingCatalog INSTANCE = new TestingCatalog();

    private final Map<String, Map<String, List<ColumnInfo>>> tables = Map.of(
            "default", Map.of(
                    "t", tableColumns("default", "t",
                            "a", SluiceType.INTEGER, "b", SluiceType.STRING, "l", SluiceType.BIGINT, "d", SluiceType.DOUBLE,
                            "dc", SluiceType.decimal(10, 2), "dt", SluiceType.DATE, "ts", SluiceType.TIMESTAMP,
                            "arr", SluiceType.array(SluiceType.INTEGER), "sarr", SluiceType.array(SluiceType.STRING),
                            "m", SluiceType.map(SluiceType.STRING, SluiceType.INTEGER),
                            "st", SluiceType.struct(List.of("x", "y"), List.of(SluiceType.INTEGER, SluiceType.STRING))),
                    "u", tableColumns("default", "u", "k", SluiceType.INTEGER, "v", SluiceType.STRING)),
            "sales", Map.of(
                    "orders", tableColumns("sales", "orders", "id", SluiceType.BIGINT, "amount", SluiceType.decimal(12, 2), "day", SluiceType.DATE)));

    private TestingCatalog() {}

    @Override
    public boolean databaseExists(String database)
    {
        return tables.containsKey(database.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<List<ColumnInfo>> columns(String database, String table)
    {
        return Optional.ofNullable(tables.get(database.toLowerCase(java.util.Locale.ROOT)))
                .map(byName -> byName.get(table.toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * {@code sales.orders} read as of a version stands for a lakehouse table DuckDB reads through Sluice's scan of a
     * snapshot: the query names the snapshot it was asked for.
     */
    @Override
    public Optional<String> scan(String database, String table, TimeTravel asOf)
    {
        if (database.equalsIgnoreCase("sales") && table.equalsIgnoreCase("orders")) {
            return Optional.of("SELECT * FROM read_parquet('orders-" + asOf.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + asOf.value() + ".parquet')");
        }
        return Optional.empty();
    }

    /** The columns of a table, nullable and numbered from 1, from alternating names and {@link SluiceType}s. */
    public static List<ColumnInfo> tableColumns(String database, String table, Object... namesAndTypes)
    {
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            columns.add(new ColumnInfo(database, table, (String) namesAndTypes[i], (SluiceType) namesAndTypes[i + 1], i / 2 + 1, true,
                    Optional.empty(), Optional.empty()));
        }
        return columns;
    }
}
