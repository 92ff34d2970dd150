package io.sluice.dialects.validate;

import io.sluice.spi.metadata.ColumnInfo;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Calcite schemas over a {@link CatalogView}: the root holds one schema per database, each looked up
 * only when a statement names it, so validation never lists a whole catalog. The first part of a three-part name
 * is a catalog, whose databases the view names {@code catalog.database}.
 */
final class CatalogSchema
{
    private CatalogSchema() {}

    static Schema root(CatalogView catalog)
    {
        return new Root(requireNonNull(catalog, "catalog is null"));
    }

    /** The Calcite type of a Sluice column type. */
    static RelDataType toRelType(RelDataTypeFactory factory, SluiceType type, boolean nullable)
    {
        RelDataType relType = switch (type.kind()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> factory.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, type.precision());
            case VARCHAR -> type.precision() > 0
                    ? factory.createSqlType(SqlTypeName.VARCHAR, type.precision())
                    : factory.createSqlType(SqlTypeName.VARCHAR);
            case STRING -> factory.createSqlType(SqlTypeName.VARCHAR);
            case BINARY -> factory.createSqlType(SqlTypeName.VARBINARY);
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME);
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case TIMESTAMP_WITH_TIME_ZONE -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            case ARRAY -> factory.createArrayType(toRelType(factory, type.parameters().get(0), true), -1);
            case MAP -> factory.createMapType(toRelType(factory, type.parameters().get(0), false),
                    toRelType(factory, type.parameters().get(1), true));
            case STRUCT -> {
                List<RelDataType> fields = new ArrayList<>();
                for (SluiceType field : type.parameters()) {
                    fields.add(toRelType(factory, field, true));
                }
                yield factory.createStructType(fields, type.fieldNames());
            }
            case INTERVAL_YEAR_MONTH, INTERVAL_DAY_TIME, INTERVAL, NULL -> factory.createSqlType(SqlTypeName.ANY);
        };
        return factory.createTypeWithNullability(relType, nullable);
    }

    private static final class Root
            extends AbstractSchema
    {
        private final CatalogView catalog;
        private final Map<String, Optional<Schema>> databases = new HashMap<>();

        Root(CatalogView catalog)
        {
            this.catalog = catalog;
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return lookup(name -> databases.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> Optional.of(new Database(catalog, name))));
        }
    }

    /**
     * A database, looked up lazily: its tables when a statement names them, and the databases named after it
     * ({@code catalog.database}) when a three-part name uses it as a catalog.
     */
    private static final class Database
            extends AbstractSchema
    {
        private final CatalogView catalog;
        private final String database;
        private final Map<String, Optional<CatalogTable>> tables = new HashMap<>();
        private final Map<String, Optional<Schema>> databases = new HashMap<>();

        Database(CatalogView catalog, String database)
        {
            this.catalog = catalog;
            this.database = database;
        }

        @Override
        public Lookup<Table> tables()
        {
            return lookup(name -> tables.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    key -> catalog.columns(database, name).map(columns -> new CatalogTable(columns, () -> catalog.scan(database, name),
                            travel -> catalog.scan(database, name, travel)))));
        }

        @Override
        public Lookup<? extends Schema> subSchemas()
        {
            return lookup(name -> databases.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> catalog.databaseExists(database + "." + name)
                    ? Optional.of(new Database(catalog, database + "." + name))
                    : Optional.empty()));
        }
    }

    /** A lookup by name, case-insensitive either way; names are never listed. */
    private static <T> Lookup<T> lookup(Function<String, Optional<? extends T>> find)
    {
        return new Lookup<T>()
        {
            @Override
            public T get(String name)
            {
                return find.apply(name).orElse(null);
            }

            @Override
            public Named<T> getIgnoreCase(String name)
            {
                return find.apply(name).<Named<T>>map(entity -> new Named<>(name, entity)).orElse(null);
            }

            @Override
            public Set<String> getNames(LikePattern pattern)
            {
                return Set.of();
            }
        };
    }

    /** Whether the validator resolved the table name to a session's temporary view (columns without a database). */
    static boolean isTemporary(SqlValidator validator, List<String> names)
    {
        SqlValidatorTable table = validator.getCatalogReader().getTable(names);
        CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
        return catalogTable != null && !catalogTable.columns.isEmpty() && catalogTable.columns.get(0).database().isEmpty();
    }

    /** The name the engine's catalog gives the table the validator resolved {@code names} to (its case may differ). */
    static Optional<String> engineName(SqlValidator validator, List<String> names)
    {
        SqlValidatorTable table = validator.getCatalogReader().getTable(names);
        CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
        return catalogTable == null || catalogTable.columns.isEmpty() ? Optional.empty() : Optional.of(catalogTable.columns.get(0).table());
    }

    /** The query that reads the table the validator resolved {@code names} to, for engines that read it so. */
    static Optional<String> scan(SqlValidator validator, List<String> names, TimeTravel travel)
    {
        SqlValidatorTable table = validator.getCatalogReader().getTable(names);
        CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
        return catalogTable == null ? Optional.empty() : catalogTable.scan(travel);
    }

    static Optional<String> scan(SqlValidator validator, List<String> names)
    {
        SqlValidatorTable table = validator.getCatalogReader().getTable(names);
        CatalogTable catalogTable = table == null ? null : table.unwrap(CatalogTable.class);
        return catalogTable == null ? Optional.empty() : catalogTable.scan();
    }

    private static final class CatalogTable
            extends AbstractTable
    {
        private final List<ColumnInfo> columns;
        private final Supplier<Optional<String>> scanQuery;
        private final Function<TimeTravel, Optional<String>> scanAsOf;
        private Optional<String> scan;

        CatalogTable(List<ColumnInfo> columns, Supplier<Optional<String>> scanQuery, Function<TimeTravel, Optional<String>> scanAsOf)
        {
            this.columns = List.copyOf(columns);
            this.scanQuery = scanQuery;
            this.scanAsOf = scanAsOf;
        }

        Optional<String> scan(TimeTravel travel)
        {
            return scanAsOf.apply(travel);
        }

        /** The scan query, planned once per statement, when the statement is written for the engine. */
        synchronized Optional<String> scan()
        {
            if (scan == null) {
                scan = scanQuery.get();
            }
            return scan;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory)
        {
            RelDataTypeFactory.Builder builder = factory.builder();
            for (ColumnInfo column : columns) {
                builder.add(column.name(), toRelType(factory, column.type(), column.nullable()));
            }
            return builder.build();
        }
    }
}
