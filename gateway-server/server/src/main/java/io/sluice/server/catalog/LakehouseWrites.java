package io.sluice.server.catalog;

import io.sluice.catalog.iceberg.ColumnSketches;
import io.sluice.catalog.iceberg.DuckDbWrites;
import io.sluice.catalog.iceberg.IcebergTypes;
import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.catalog.iceberg.LocalFileIO;
import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.dialects.ast.SqlAlterTable;
import io.sluice.dialects.ast.SqlAnalyzeTable;
import io.sluice.dialects.ast.SqlCreateTable;
import io.sluice.dialects.ast.SqlCreateView;
import io.sluice.dialects.ast.SqlDropObject;
import io.sluice.dialects.ast.SqlInsertOverwrite;
import io.sluice.dialects.analyze.StatementShape;
import io.sluice.dialects.target.TypeSpecs;
import io.sluice.dialects.translate.Translator;
import io.sluice.dialects.validate.CatalogView;
import io.sluice.dialects.validate.Validation;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.RowBatch;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.type.SluiceType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.util.Util;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Types;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Writes of lakehouse tables that Sluice carries out for DuckDB, which has no Iceberg writer here: {@code CREATE
 * TABLE} (with or without a query), {@code INSERT INTO}, {@code INSERT OVERWRITE}, {@code DROP TABLE|VIEW}, {@code
 * ALTER TABLE ... ADD|DROP|RENAME COLUMN|RENAME TO} and {@code TRUNCATE TABLE}. DuckDB computes and writes the rows
 * (Parquet with Iceberg field ids, {@link DuckDbWrites}); Sluice changes the catalog and commits. Row-level changes
 * ({@code DELETE}, {@code UPDATE}, {@code MERGE}) and tables partitioned by transforms other than identity are refused
 * by name: Trino and Spark write them.
 */
final class LakehouseWrites
{
    private static final int ANALYZE_BATCH_ROWS = 10_000;

    private final LakehouseCatalog lakehouse;
    private final Function<TableIdentifier, Optional<Table>> tables;
    private final BiFunction<String, Table, String> scans;
    private final Function<Dialect, CatalogView> lakehouseViews;

    /**
     * @param tables the lakehouse's tables as loaded (and refreshed) for statements
     * @param scans the query that reads a table's current snapshot on DuckDB, given its name and table
     */
    /**
     * @param lakehouseViews what a statement for an engine of the dialect sees of the lakehouse alone (no other
     *     catalog), as an Iceberg view's SQL for that dialect is validated
     */
    LakehouseWrites(LakehouseCatalog lakehouse, Function<TableIdentifier, Optional<Table>> tables, BiFunction<String, Table, String> scans,
            Function<Dialect, CatalogView> lakehouseViews)
    {
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.scans = requireNonNull(scans, "scans is null");
        this.lakehouseViews = requireNonNull(lakehouseViews, "lakehouseViews is null");
    }

    /** The write, when the statement changes a lakehouse table and the engine is DuckDB. */
    Optional<SluiceCatalogs.Write> plan(Engine engine, Validation validation, Dialect input, String currentDatabase, Function<String, Optional<Namespace>> namespaces)
    {
        SqlNode statement = validation.statement();
        Dialect dialect = Dialect.fromName(engine.dialect());
        boolean flinkView = statement instanceof SqlCreateView view && !view.temporary()
                || statement instanceof SqlDropObject drop && drop.kind() == SqlDropObject.Kind.VIEW;
        if (dialect == Dialect.FLINK && flinkView) {
            // Iceberg's Flink catalog has no views: Sluice makes and drops the lakehouse's for Flink as it does for DuckDB.
            SqlIdentifier name = target(statement);
            String database = name.names.size() > 1 ? String.join(".", name.names.subList(0, name.names.size() - 1)) : currentDatabase;
            Optional<Namespace> namespace = namespaces.apply(database);
            if (namespace.isEmpty()) {
                return Optional.empty();
            }
            TableIdentifier identifier = TableIdentifier.of(namespace.get(), Util.last(name.names).toLowerCase(Locale.ROOT));
            String qualified = LakehouseCatalog.NAME + "." + identifier;
            return Optional.of(statement instanceof SqlCreateView view
                    ? createView(validation, input, view, identifier, qualified, currentDatabase, namespaces)
                    : drop((SqlDropObject) statement, identifier, qualified));
        }
        if (dialect != Dialect.DUCKDB) {
            return Optional.empty();
        }
        if (statement instanceof SqlCreateView view && view.temporary()) {
            refuseDuckDbViewOverLakehouse(statement, currentDatabase, namespaces);
        }
        SqlIdentifier target = target(statement);
        if (target == null) {
            return Optional.empty();
        }
        List<String> names = target.names;
        String database = names.size() > 1 ? String.join(".", names.subList(0, names.size() - 1)) : currentDatabase;
        Optional<Namespace> namespace = namespaces.apply(database);
        if (namespace.isEmpty()) {
            if (statement instanceof SqlCreateView) {
                refuseDuckDbViewOverLakehouse(statement, currentDatabase, namespaces);
            }
            return Optional.empty();
        }
        TableIdentifier identifier = TableIdentifier.of(namespace.get(), names.get(names.size() - 1).toLowerCase(Locale.ROOT));
        String name = LakehouseCatalog.NAME + "." + identifier;
        if (statement instanceof SqlDelete || statement instanceof SqlUpdate || statement instanceof SqlMerge) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: " + statement.getKind().sql + " on the lakehouse table " + name
                    + " (row-level changes of lakehouse tables run on Trino or Spark)");
        }
        if (statement instanceof SqlCreateView view) {
            return Optional.of(createView(validation, input, view, identifier, name, currentDatabase, namespaces));
        }
        if (statement instanceof SqlCreateTable create) {
            return Optional.of(create(engine, validation, input, create, identifier, name));
        }
        if (statement instanceof SqlInsert insert) {
            return Optional.of(insert(engine, validation, input, insert, identifier, name));
        }
        if (statement instanceof SqlDropObject drop) {
            return Optional.of(drop(drop, identifier, name));
        }
        if (statement instanceof SqlAlterTable alter) {
            return Optional.of(alter(alter, input, identifier, name, namespaces));
        }
        if (statement instanceof SqlAnalyzeTable analyze) {
            return Optional.of(analyze(analyze, identifier, name));
        }
        return Optional.empty();
    }

    /** DuckDB would keep a lakehouse table's files of today in a view of its own: later commits would never show. */
    private static void refuseDuckDbViewOverLakehouse(SqlNode statement, String currentDatabase, Function<String, Optional<Namespace>> namespaces)
    {
        Optional<String> read = lakehouseTablesRead(statement, currentDatabase, namespaces).stream().findFirst();
        if (read.isPresent()) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: a view of DuckDB's own over the lakehouse table " + read.get()
                    + " (DuckDB would keep reading the files the table has now); create it in the lakehouse (CREATE VIEW lakehouse.<database>.<view>), "
                    + "which every engine reads");
        }
    }

    /** The lakehouse tables (and views) a statement reads, by their Sluice names. */
    private static List<String> lakehouseTablesRead(SqlNode statement, String currentDatabase, Function<String, Optional<Namespace>> namespaces)
    {
        List<String> read = new ArrayList<>();
        for (StatementShape.TableName table : StatementShape.of(statement).tables()) {
            List<String> names = table.names();
            String database = names.size() > 1 ? String.join(".", names.subList(0, names.size() - 1)) : currentDatabase;
            if (!table.target() && namespaces.apply(database).isPresent()) {
                read.add(database + "." + names.get(names.size() - 1));
            }
        }
        return read;
    }

    /**
     * An Iceberg view Sluice creates for DuckDB, which has no views of its own in the lakehouse: its query in Spark's
     * SQL (which Sluice reads back for DuckDB and Flink, and Spark reads itself) and in Trino's, validated against the
     * lakehouse alone, since every engine must read it. The view reads lakehouse tables and views only.
     */
    private SluiceCatalogs.Write createView(Validation validation, Dialect input, SqlCreateView view, TableIdentifier identifier, String name,
            String currentDatabase, Function<String, Optional<Namespace>> namespaces)
    {
        if (view.temporary()) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: CREATE TEMPORARY VIEW " + name + " (a temporary view belongs to no database)");
        }
        for (StatementShape.TableName table : StatementShape.of(view).tables()) {
            List<String> names = table.names();
            String database = names.size() > 1 ? String.join(".", names.subList(0, names.size() - 1)) : currentDatabase;
            if (!table.target() && namespaces.apply(database).isEmpty()) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: the lakehouse view " + name + " reading " + String.join(".", names)
                        + ", which is not a lakehouse table; a lakehouse view reads lakehouse tables only, so that every engine reads it");
            }
        }
        String source = validation.source().orElseThrow(() -> new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "CREATE VIEW " + name + " without its text"));
        // The view's home: where its unqualified names resolve, as they did when it was created.
        String home = namespaces.apply(currentDatabase).isPresent() ? currentDatabase : LakehouseCatalog.NAME + "." + identifier.namespace();
        java.util.Map<String, String> representations = new java.util.LinkedHashMap<>();
        List<String> columnNames = new ArrayList<>();
        List<SluiceType> columnTypes = new ArrayList<>();
        for (Dialect dialect : List.of(Dialect.SPARK, Dialect.TRINO)) {
            Validation validated = Transpiler.validate(Transpiler.parse(source, input), input, lakehouseViews.apply(dialect), home).withSource(source);
            SqlCreateView created = (SqlCreateView) validated.statement();
            String sql;
            try {
                sql = Transpiler.unparseQuery(validated, created.query(), input, dialect, UnaryOperator.identity());
            }
            catch (SluiceException e) {
                if (dialect == Dialect.SPARK || e.errorCode() != ErrorCode.NOT_SUPPORTED) {
                    throw e;
                }
                // Trino cannot say it: Trino gets the view through Sluice, which refuses it there by name.
                continue;
            }
            RelDataType rowType = validated.typeOf(created.query()).orElseThrow(() ->
                    new SluiceException(ErrorCode.ANALYSIS_ERROR, "The query of CREATE VIEW " + name + " has no known result type"));
            List<String> queryColumns = rowType.getFieldNames();
            if (columnTypes.isEmpty()) {
                for (RelDataTypeField field : rowType.getFieldList()) {
                    columnTypes.add(TypeSpecs.fromRelType(field.getType()));
                }
                // Unaliased expressions are named after their text, as Sluice names result columns.
                SqlNode body = created.query() instanceof SqlOrderBy orderBy ? orderBy.query : created.query();
                for (int i = 0; i < queryColumns.size(); i++) {
                    String column = queryColumns.get(i);
                    if (column.startsWith("EXPR$") && body instanceof SqlSelect select && i < select.getSelectList().size()) {
                        column = Translator.sourceText(source, select.getSelectList().get(i).getParserPosition()).orElse(column);
                    }
                    columnNames.add(column);
                }
                if (view.columns().isPresent()) {
                    List<String> declared = new ArrayList<>();
                    view.columns().get().forEach(column -> declared.add(((SqlIdentifier) column).getSimple()));
                    if (declared.size() != columnTypes.size()) {
                        throw new SluiceException(ErrorCode.ANALYSIS_ERROR, "CREATE VIEW " + name + " names " + declared.size() + " columns for a query of " + columnTypes.size());
                    }
                    columnNames.clear();
                    columnNames.addAll(declared);
                }
            }
            // The SQL answers the view's column names itself, for the engines that read it without Sluice.
            representations.put(dialect.settingValue(), LakehouseCatalogs.renamed(sql, queryColumns, columnNames, dialect));
        }
        Schema schema = schema(columnNames, columnTypes);
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return "Sluice creates the lakehouse view " + name + " with its SQL for " + String.join(" and ", representations.keySet()) + ": "
                        + representations.get(Dialect.SPARK.settingValue());
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                if (view.ifNotExists() && lakehouse.catalog().viewExists(identifier)) {
                    return 0;
                }
                var builder = lakehouse.catalog().buildView(identifier).withSchema(schema).withDefaultNamespace(identifier.namespace())
                        .withDefaultCatalog(LakehouseCatalog.NAME);
                for (java.util.Map.Entry<String, String> representation : representations.entrySet()) {
                    builder = builder.withQuery(representation.getKey(), representation.getValue());
                }
                try {
                    if (view.replace()) {
                        builder.createOrReplace();
                    }
                    else {
                        builder.create();
                    }
                }
                catch (AlreadyExistsException e) {
                    throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Table or view " + name + " already exists", e);
                }
                catch (org.apache.iceberg.exceptions.NoSuchNamespaceException e) {
                    throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + LakehouseCatalog.NAME + "." + identifier.namespace() + "' does not exist", e);
                }
                return 0;
            }
        };
    }

    private static SqlIdentifier target(SqlNode statement)
    {
        if (statement instanceof SqlCreateTable create) {
            return create.name();
        }
        if (statement instanceof SqlCreateView view && !view.temporary()) {
            return view.name();
        }
        if (statement instanceof SqlInsert insert) {
            return (SqlIdentifier) insert.getTargetTable();
        }
        if (statement instanceof SqlDropObject drop && drop.kind() != SqlDropObject.Kind.DATABASE) {
            return drop.name();
        }
        if (statement instanceof SqlAlterTable alter) {
            return alter.name();
        }
        if (statement instanceof SqlAnalyzeTable analyze) {
            return analyze.name();
        }
        if (statement instanceof SqlDelete delete && delete.getTargetTable() instanceof SqlIdentifier table) {
            return table;
        }
        if (statement instanceof SqlUpdate update && update.getTargetTable() instanceof SqlIdentifier table) {
            return table;
        }
        if (statement instanceof SqlMerge merge && merge.getTargetTable() instanceof SqlIdentifier table) {
            return table;
        }
        return null;
    }

    private Table existing(TableIdentifier identifier, String name)
    {
        return tables.apply(identifier).orElseThrow(() -> new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table or view not found: " + name));
    }

    private SluiceCatalogs.Write insert(Engine engine, Validation validation, Dialect input, SqlInsert insert, TableIdentifier identifier, String name)
    {
        boolean overwrite = insert instanceof SqlInsertOverwrite;
        Table table = existing(identifier, name);
        SqlNode source = insert.getSource();
        String query = Transpiler.unparseQuery(validation, source, input, Dialect.DUCKDB, engine::schemaName);
        List<String> columns = new ArrayList<>();
        SqlNodeList listed = insert.getTargetColumnList();
        if (listed != null) {
            listed.forEach(column -> columns.add(((SqlIdentifier) column).getSimple()));
        }
        int queryColumns = validation.typeOf(source).map(RelDataType::getFieldCount).orElse(columns.isEmpty() ? table.schema().columns().size() : columns.size());
        Optional<Long> read = Optional.ofNullable(table.currentSnapshot()).map(snapshot -> snapshot.snapshotId());
        // Planned now, so that a table DuckDB cannot write is refused before anything runs (and the router looks elsewhere).
        DuckDbWrites.copy(table, query, queryColumns, columns, table.location());
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return (overwrite ? "Sluice overwrites " : "Sluice appends to ") + name + " the rows DuckDB writes as Parquet from: " + query;
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                return writeAndCommit(table, session, execute, query, queryColumns, columns, overwrite, read, null);
            }
        };
    }

    /**
     * DuckDB writes the rows into new files of the table, in a directory of their own; Sluice commits them (inside
     * {@code transaction} when it creates the table too). Nothing stays behind when either fails.
     */
    private static long writeAndCommit(Table table, EngineSession session, ToLongFunction<String> execute, String query, int queryColumns, List<String> columns,
            boolean overwrite, Optional<Long> read, Transaction transaction)
    {
        String directory = DuckDbWrites.newDataDirectory(table);
        Path path = LocalFileIO.file(directory).toPath();
        List<DataFile> files = new ArrayList<>();
        long rows;
        try {
            // DuckDB creates the directory, in a parent that exists.
            Files.createDirectories(path.getParent());
            rows = execute.applyAsLong(DuckDbWrites.copy(table, query, queryColumns, columns, directory));
            List<Path> written = new ArrayList<>();
            if (Files.isDirectory(path)) {
                List<Path> found;
                try (Stream<Path> listed = Files.walk(path)) {
                    found = listed.filter(file -> file.getFileName().toString().endsWith(".parquet")).sorted().toList();
                }
                // Partitioned writes come in DuckDB's col=value directories, whose names escape characters: the files
                // move up under plain names (the partition is read from each file's statistics).
                for (Path file : found) {
                    Path flat = file.getParent().equals(path) ? file : path.resolve("part-" + written.size() + "-" + UUID.randomUUID() + ".parquet");
                    if (!flat.equals(file)) {
                        Files.move(file, flat);
                    }
                    written.add(flat);
                }
                try (Stream<Path> leftovers = Files.list(path)) {
                    for (Path leftover : leftovers.filter(Files::isDirectory).toList()) {
                        deleteDirectory(leftover);
                    }
                }
            }
            for (Path file : written) {
                DataFile data = DuckDbWrites.dataFile(table, directory + "/" + file.getFileName(), Files.size(file),
                        session.queryRows(DuckDbWrites.footerQuery(file.toAbsolutePath().toString())));
                if (data.recordCount() > 0) {
                    files.add(data);
                }
            }
            // Every row DuckDB wrote is in a file Sluice commits, or the write fails: nothing lost.
            long inFiles = files.stream().mapToLong(DataFile::recordCount).sum();
            if (inFiles != rows) {
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "DuckDB reported " + rows + " rows written to lakehouse table " + table.name()
                        + " but its files hold " + inFiles + "; nothing was committed");
            }
            if (files.isEmpty()) {
                deleteDirectory(path);
            }
        }
        catch (IOException e) {
            deleteDirectory(path);
            throw new UncheckedIOException(e);
        }
        catch (RuntimeException e) {
            deleteDirectory(path);
            throw e;
        }
        if (transaction != null) {
            if (!files.isEmpty()) {
                org.apache.iceberg.AppendFiles append = transaction.newAppend();
                files.forEach(append::appendFile);
                append.commit();
            }
            try {
                transaction.commitTransaction();
            }
            catch (AlreadyExistsException e) {
                deleteDirectory(path);
                throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Table " + table.name() + " already exists (created while this statement ran)", e);
            }
            catch (RuntimeException e) {
                deleteDirectory(path);
                throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "Creating lakehouse table " + table.name() + " failed; nothing was written: " + e.getMessage(), e);
            }
            return rows;
        }
        if (files.isEmpty() && !overwrite) {
            return 0;
        }
        try {
            DuckDbWrites.commit(table, files, overwrite, read);
        }
        catch (SluiceException e) {
            // The commit deleted its files, unless whether it happened is unknown: then they stay, and so does the directory.
            try {
                Files.deleteIfExists(path);
            }
            catch (IOException notEmpty) {
                // Files the commit may have made part of the table.
            }
            throw e;
        }
        return rows;
    }

    /** Removes what a write left in its directory (a local warehouse's); gone already is fine. */
    private static void deleteDirectory(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                }
                catch (IOException ignored) {
                    // Left for the table's orphan-file cleanup.
                }
            });
        }
        catch (IOException ignored) {
            // Left for the table's orphan-file cleanup.
        }
    }

    private SluiceCatalogs.Write create(Engine engine, Validation validation, Dialect input, SqlCreateTable create, TableIdentifier identifier, String name)
    {
        if (!create.unsupportedClauses().isEmpty() || create.external()) {
            List<String> clauses = new ArrayList<>(create.unsupportedClauses());
            if (create.external()) {
                clauses.add(0, "EXTERNAL");
            }
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported on duckdb: CREATE TABLE with " + String.join(" and ", clauses)
                    + " for the lakehouse table " + name);
        }
        Optional<String> format = create.format().map(SqlIdentifier::getSimple).map(text -> text.toLowerCase(Locale.ROOT));
        if (format.isPresent() && !format.get().equals("iceberg") && !format.get().equals("parquet")) {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: USING " + format.get() + " for the lakehouse table " + name
                    + " (lakehouse tables are Iceberg tables of Parquet files: USING iceberg)");
        }
        List<String> columnNames = new ArrayList<>();
        List<SluiceType> columnTypes = new ArrayList<>();
        Optional<String> query = Optional.empty();
        if (create.query().isPresent()) {
            SqlNode source = create.query().get();
            RelDataType rowType = validation.typeOf(source).orElseThrow(() ->
                    new SluiceException(ErrorCode.ANALYSIS_ERROR, "The query of CREATE TABLE " + name + " has no known result type"));
            for (RelDataTypeField field : rowType.getFieldList()) {
                columnTypes.add(TypeSpecs.fromRelType(field.getType()));
            }
            query = Optional.of(Transpiler.unparseQuery(validation, source, input, Dialect.DUCKDB, engine::schemaName));
            if (!create.columnNames().isEmpty()) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: CREATE TABLE " + name + " with both columns and a query");
            }
        }
        else {
            create.columnNames().forEach(column -> columnNames.add(column.getSimple()));
            create.columnTypes().forEach(type -> columnTypes.add(TypeSpecs.toSluiceType(type, input)));
        }
        List<String> partitionColumns = new ArrayList<>();
        create.partitionedBy().ifPresent(list -> list.forEach(column -> partitionColumns.add(((SqlIdentifier) column).getSimple())));
        Optional<String> translated = query;
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return "Sluice creates the lakehouse table " + name + translated.map(text -> " from the rows DuckDB writes as Parquet from: " + text).orElse("");
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                List<String> names = new ArrayList<>(columnNames);
                if (translated.isPresent()) {
                    // Columns named as DuckDB names the query's results (after the text the user wrote), typed as Sluice validated them.
                    for (Object[] row : session.queryRows("DESCRIBE " + translated.get())) {
                        names.add(String.valueOf(row[0]));
                    }
                    if (names.size() != columnTypes.size()) {
                        throw new SluiceException(ErrorCode.GENERIC_INTERNAL_ERROR, "The query of CREATE TABLE " + name + " answers " + names.size()
                                + " columns on DuckDB, " + columnTypes.size() + " when Sluice validated it");
                    }
                }
                if (!lakehouse.catalog().namespaceExists(identifier.namespace())) {
                    throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + LakehouseCatalog.NAME + "." + identifier.namespace() + "' does not exist");
                }
                Schema schema = schema(names, columnTypes);
                PartitionSpec spec = partitionSpec(schema, partitionColumns, name);
                if (lakehouse.catalog().tableExists(identifier)) {
                    if (create.ifNotExists()) {
                        return 0;
                    }
                    if (!create.replace()) {
                        throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Table " + name + " already exists");
                    }
                }
                Transaction transaction;
                try {
                    var builder = lakehouse.catalog().buildTable(identifier, schema).withPartitionSpec(spec).withProperties(DuckDbWrites.createProperties(schema));
                    transaction = create.replace() ? builder.createOrReplaceTransaction() : builder.createTransaction();
                }
                catch (AlreadyExistsException e) {
                    throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Table " + name + " already exists", e);
                }
                catch (org.apache.iceberg.exceptions.NoSuchNamespaceException e) {
                    throw new SluiceException(ErrorCode.DATABASE_NOT_FOUND, "Database '" + LakehouseCatalog.NAME + "." + identifier.namespace() + "' does not exist", e);
                }
                if (translated.isEmpty()) {
                    try {
                        transaction.commitTransaction();
                    }
                    catch (AlreadyExistsException e) {
                        throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Table " + name + " already exists", e);
                    }
                    return 0;
                }
                return writeAndCommit(transaction.table(), session, execute, translated.get(), columnTypes.size(), List.of(), false, Optional.empty(), transaction);
            }
        };
    }

    static Schema schema(List<String> names, List<SluiceType> types)
    {
        AtomicInteger ids = new AtomicInteger(names.size());
        List<Types.NestedField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(Types.NestedField.optional(i + 1, names.get(i), IcebergTypes.fromSluiceType(types.get(i), ids)));
        }
        try {
            return new Schema(fields);
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.GENERIC_USER_ERROR, "Cannot create the lakehouse table: " + e.getMessage(), e);
        }
    }

    private static PartitionSpec partitionSpec(Schema schema, List<String> columns, String name)
    {
        if (columns.isEmpty()) {
            return PartitionSpec.unpartitioned();
        }
        PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
        for (String column : columns) {
            Types.NestedField field = schema.caseInsensitiveFindField(column);
            if (field == null) {
                throw new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "Partition column '" + column + "' is not a column of " + name);
            }
            builder.identity(field.name());
        }
        return builder.build();
    }

    private SluiceCatalogs.Write drop(SqlDropObject drop, TableIdentifier identifier, String name)
    {
        boolean view = drop.kind() == SqlDropObject.Kind.VIEW;
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return "Sluice drops the lakehouse " + (view ? "view " : "table ") + name;
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                boolean dropped = view ? lakehouse.catalog().dropView(identifier) : lakehouse.catalog().dropTable(identifier, true);
                if (!dropped && !drop.ifExists()) {
                    throw new SluiceException(ErrorCode.TABLE_NOT_FOUND, (view ? "View " : "Table ") + "not found: " + name);
                }
                return 0;
            }
        };
    }

    /**
     * ANALYZE of a lakehouse table: rows, sizes, NULLs and bounds are in its snapshot and manifests already; with
     * columns, DuckDB reads them once and Sluice sketches their distinct values into a Puffin file registered as the
     * snapshot's statistics (what SHOW STATS and the router read).
     */
    private SluiceCatalogs.Write analyze(SqlAnalyzeTable analyze, TableIdentifier identifier, String name)
    {
        Table table = existing(identifier, name);
        List<Types.NestedField> columns = new ArrayList<>();
        switch (analyze.scope()) {
            case ALL_COLUMNS -> table.schema().columns().stream().filter(ColumnSketches::sketchable).forEach(columns::add);
            case COLUMNS -> {
                for (SqlIdentifier column : analyze.columns()) {
                    Types.NestedField field = DuckDbWrites.column(table, column.getSimple());
                    if (!ColumnSketches.sketchable(field)) {
                        throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Not supported: distinct values of column '" + field.name() + "' of type " + field.type()
                                + " (ANALYZE sketches columns of primitive types)");
                    }
                    if (!columns.contains(field)) {
                        columns.add(field);
                    }
                }
            }
            default -> { }
        }
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return columns.isEmpty()
                        ? "Sluice reads the statistics of lakehouse table " + name + " from its snapshot (nothing to compute)"
                        : "Sluice sketches the distinct values of " + name + " (" + columns.stream().map(Types.NestedField::name).collect(java.util.stream.Collectors.joining(", "))
                                + ") from what DuckDB reads";
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                table.refresh();
                Snapshot snapshot = table.currentSnapshot();
                if (columns.isEmpty() || snapshot == null) {
                    return 0;
                }
                ColumnSketches sketches = new ColumnSketches(columns);
                String select = columns.stream().map(field -> "\"" + field.name().replace("\"", "\"\"") + "\"").collect(java.util.stream.Collectors.joining(", "));
                try (EngineStatement statement = session.createStatement("SELECT " + select + " FROM (" + scans.apply(name, table) + ") AS \"$analyzed\"")) {
                    statement.execute();
                    for (Optional<RowBatch> batch = statement.nextBatch(ANALYZE_BATCH_ROWS); batch.isPresent(); batch = statement.nextBatch(ANALYZE_BATCH_ROWS)) {
                        RowBatch rows = batch.get();
                        for (int row = 0; row < rows.rowCount(); row++) {
                            for (int column = 0; column < columns.size(); column++) {
                                sketches.add(column, rows.value(column, row));
                            }
                        }
                    }
                }
                sketches.commit(table, snapshot);
                return 0;
            }
        };
    }

    private SluiceCatalogs.Write alter(SqlAlterTable alter, Dialect input, TableIdentifier identifier, String name, Function<String, Optional<Namespace>> namespaces)
    {
        Table table = existing(identifier, name);
        return new SluiceCatalogs.Write()
        {
            @Override
            public String description()
            {
                return "Sluice changes the lakehouse table " + name + " (" + alter.action().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
            }

            @Override
            public long run(EngineSession session, ToLongFunction<String> execute)
            {
                try {
                    switch (alter.action()) {
                        case ADD_COLUMNS -> {
                            UpdateSchema update = table.updateSchema();
                            List<SqlIdentifier> columns = alter.columnNames();
                            for (int i = 0; i < columns.size(); i++) {
                                AtomicInteger ids = new AtomicInteger(1000);
                                update.addColumn(columns.get(i).getSimple(), IcebergTypes.fromSluiceType(TypeSpecs.toSluiceType(alter.columnTypes().get(i), input), ids));
                            }
                            update.commit();
                        }
                        case DROP_COLUMNS -> {
                            UpdateSchema update = table.updateSchema().caseSensitive(false);
                            alter.columnNames().forEach(column -> update.deleteColumn(column.getSimple()));
                            update.commit();
                        }
                        case RENAME_COLUMN -> table.updateSchema().caseSensitive(false)
                                .renameColumn(alter.columnNames().get(0).getSimple(), alter.newName().orElseThrow().getSimple()).commit();
                        case RENAME_TO -> {
                            SqlIdentifier newName = alter.newName().orElseThrow();
                            List<String> parts = newName.names;
                            Namespace namespace = parts.size() == 1 ? identifier.namespace()
                                    : namespaces.apply(String.join(".", parts.subList(0, parts.size() - 1))).orElseThrow(() -> new SluiceException(ErrorCode.NOT_SUPPORTED,
                                            "Not supported: renaming lakehouse table " + name + " out of the lakehouse (to " + newName + ")"));
                            lakehouse.catalog().renameTable(identifier, TableIdentifier.of(namespace, parts.get(parts.size() - 1).toLowerCase(Locale.ROOT)));
                        }
                        case TRUNCATE -> table.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
                        default -> throw new IllegalStateException("Unexpected action " + alter.action());
                    }
                }
                catch (IllegalArgumentException | org.apache.iceberg.exceptions.ValidationException e) {
                    // Iceberg's refusals of a schema change: a column that exists already, one that does not, ...
                    throw new SluiceException(ErrorCode.ANALYSIS_ERROR, "Cannot change lakehouse table " + name + ": " + e.getMessage(), e);
                }
                catch (AlreadyExistsException e) {
                    throw new SluiceException(ErrorCode.ALREADY_EXISTS, "Cannot rename lakehouse table " + name + ": " + e.getMessage(), e);
                }
                catch (NoSuchTableException e) {
                    throw new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table or view not found: " + name, e);
                }
                return 0;
            }
        };
    }
}
