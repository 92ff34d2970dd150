package io.sluice.benchmarks;

import io.sluice.catalog.iceberg.DuckDbScans;
import io.sluice.catalog.iceberg.LakehouseCatalog;
import io.sluice.server.SluiceServer;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.iceberg.types.Types.NestedField.required;

/**
 * In one run: a TPC-H {@code lineitem}-like lakehouse table (written by the local Trino from its tpch generator, read
 * on DuckDB through Sluice's scan plans) against the same rows in a DuckDB-native table, both through Sluice with the
 * Hive JDBC driver: a scan-aggregate and a point lookup, medians of alternated runs, and their ratios (target ≤ 1.3).
 * The same rows written into the lakehouse by DuckDB through Sluice (CREATE TABLE AS), against the native table again.
 * Then the cost of planning a scan against the table's file count (1, 100, 10,000 files), uncached and cached.
 * Sluice listens on the REST port 10099, where the local Trino finds the lakehouse catalog.
 * Usage: {@code BenchmarkLakehouseOnDuckDb [rows] [iterations]}.
 */
public final class BenchmarkLakehouseOnDuckDb
{
    private static final String AGGREGATE = "SELECT returnflag, linestatus, sum(quantity), sum(extendedprice), count(*) FROM %s "
            + "GROUP BY returnflag, linestatus ORDER BY returnflag, linestatus";
    private static final String POINT = "SELECT orderkey, linenumber, quantity FROM %s WHERE orderkey = %d AND linenumber = 1";

    /** The medians (ms) and the planning costs (ms per scan plan, by file count). */
    public record Results(double lakehouseAggregate, double nativeAggregate, double lakehousePoint, double nativePoint,
            Map<Integer, Double> planningUncached, Map<Integer, Double> planningCached, DuckDbWritten duckDbWritten)
    {
        public double aggregateRatio()
        {
            return lakehouseAggregate / nativeAggregate;
        }

        public double pointRatio()
        {
            return lakehousePoint / nativePoint;
        }
    }

    /**
     * The same data written into the lakehouse by DuckDB through Sluice ({@code CREATE TABLE lakehouse... AS SELECT}
     * from the native table), against the native table again, in runs of their own.
     */
    public record DuckDbWritten(double lakehouseAggregate, double nativeAggregate, double lakehousePoint, double nativePoint)
    {
        public double aggregateRatio()
        {
            return lakehouseAggregate / nativeAggregate;
        }

        public double pointRatio()
        {
            return lakehousePoint / nativePoint;
        }
    }

    private BenchmarkLakehouseOnDuckDb() {}

    public static void main(String[] args)
            throws Exception
    {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Results results = run(rows, iterations, List.of(1, 100, 10_000));
        System.out.printf("%,d rows. Scan-aggregate median: lakehouse %.1f ms, DuckDB-native %.1f ms, ratio %.2f%n",
                rows, results.lakehouseAggregate(), results.nativeAggregate(), results.aggregateRatio());
        System.out.printf("Point lookup median: lakehouse %.1f ms, DuckDB-native %.1f ms, ratio %.2f%n",
                results.lakehousePoint(), results.nativePoint(), results.pointRatio());
        DuckDbWritten written = results.duckDbWritten();
        System.out.printf("Written by DuckDB through Sluice: scan-aggregate lakehouse %.1f ms, native %.1f ms, ratio %.2f; point %.1f ms, %.1f ms, ratio %.2f%n",
                written.lakehouseAggregate(), written.nativeAggregate(), written.aggregateRatio(), written.lakehousePoint(), written.nativePoint(), written.pointRatio());
        results.planningUncached().forEach((files, millis) -> System.out.printf("Scan planning, %,d files: %.2f ms uncached, %.3f ms cached%n",
                files, millis, results.planningCached().get(files)));
    }

    public static Results run(long rows, int iterations, List<Integer> fileCounts)
            throws Exception
    {
        LocalTrinoExtension trino = new LocalTrinoExtension();
        trino.beforeAll(null);
        Path data = Files.createTempDirectory("sluice-bench-lakehouse");
        SluiceServer server = SluiceServer.start(Settings.of(Map.of(
                "server.thrift.binary.port", "0",
                "server.thrift.http.port", "0",
                "server.rest.port", "10099",
                "router.engines", "duckdb,trino",
                "engine.trino.endpoint", trino.endpoint(),
                "server.data-directory", data.toString())));
        String url = "jdbc:hive2://127.0.0.1:" + server.binaryPort() + "/default";
        try (Connection viaTrino = TestClients.HIVE_JDBC.connect(url + "?sluice.engine=trino", "bench");
                Connection viaDuckDb = TestClients.HIVE_JDBC.connect(url + "?sluice.engine=duckdb", "bench");
                Statement trinoStatement = viaTrino.createStatement(); Statement duckdb = viaDuckDb.createStatement()) {
            trinoStatement.execute("CREATE DATABASE IF NOT EXISTS lakehouse.bench");
            // TPC-H's decimals (Trino's generator answers doubles), so that sums are exact in any order.
            trinoStatement.execute("CREATE TABLE lakehouse.bench.lineitem AS SELECT orderkey, partkey, suppkey, linenumber, "
                    + "CAST(quantity AS DECIMAL(12, 2)) AS quantity, CAST(extendedprice AS DECIMAL(12, 2)) AS extendedprice, "
                    + "CAST(discount AS DECIMAL(12, 2)) AS discount, CAST(tax AS DECIMAL(12, 2)) AS tax, returnflag, linestatus, shipdate "
                    + "FROM tpch.sf100.lineitem LIMIT " + rows);
            duckdb.execute("CREATE TABLE lineitem_native AS SELECT * FROM lakehouse.bench.lineitem");
            long key = firstOrderKey(duckdb);
            String lakehouseAggregate = String.format(AGGREGATE, "lakehouse.bench.lineitem");
            String nativeAggregate = String.format(AGGREGATE, "lineitem_native");
            String lakehousePoint = String.format(POINT, "lakehouse.bench.lineitem", key);
            String nativePoint = String.format(POINT, "lineitem_native", key);
            // Both paths must answer the same before either is timed.
            for (List<String> queries : List.of(List.of(lakehouseAggregate, nativeAggregate), List.of(lakehousePoint, nativePoint))) {
                List<String> lakehouse = answer(duckdb, queries.get(0));
                List<String> nativeTable = answer(duckdb, queries.get(1));
                if (!lakehouse.equals(nativeTable)) {
                    throw new IllegalStateException("The lakehouse table and the native table answer differently: " + lakehouse + " vs " + nativeTable);
                }
            }
            double[] aggregate = alternated(iterations, () -> answer(duckdb, lakehouseAggregate), () -> answer(duckdb, nativeAggregate));
            double[] point = alternated(iterations * 4, () -> answer(duckdb, lakehousePoint), () -> answer(duckdb, nativePoint));

            duckdb.execute("CREATE TABLE lakehouse.bench.lineitem_duckdb AS SELECT * FROM lineitem_native");
            String writtenAggregate = String.format(AGGREGATE, "lakehouse.bench.lineitem_duckdb");
            String writtenPoint = String.format(POINT, "lakehouse.bench.lineitem_duckdb", key);
            if (!answer(duckdb, writtenAggregate).equals(answer(duckdb, nativeAggregate)) || !answer(duckdb, writtenPoint).equals(answer(duckdb, nativePoint))) {
                throw new IllegalStateException("The table DuckDB wrote into the lakehouse answers differently from the native table");
            }
            double[] writtenAggregates = alternated(iterations, () -> answer(duckdb, writtenAggregate), () -> answer(duckdb, nativeAggregate));
            double[] writtenPoints = alternated(iterations * 4, () -> answer(duckdb, writtenPoint), () -> answer(duckdb, nativePoint));

            Map<Integer, Double> uncached = new LinkedHashMap<>();
            Map<Integer, Double> cached = new LinkedHashMap<>();
            planning(server.lakehouse(), fileCounts, uncached, cached);
            return new Results(aggregate[0], aggregate[1], point[0], point[1], uncached, cached,
                    new DuckDbWritten(writtenAggregates[0], writtenAggregates[1], writtenPoints[0], writtenPoints[1]));
        }
        finally {
            server.close();
            SluiceServerExtension.deleteRecursively(data);
        }
    }

    /** Medians of two queries run in turn, after a warm-up of each. */
    private static double[] alternated(int iterations, HeadToHead.Action first, HeadToHead.Action second)
            throws Exception
    {
        for (int i = 0; i < 3; i++) {
            first.run();
            second.run();
        }
        double[] firstTimes = new double[iterations];
        double[] secondTimes = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            first.run();
            firstTimes[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            second.run();
            secondTimes[i] = (System.nanoTime() - start) / 1e6;
        }
        return new double[] {BenchmarkGatewayEndToEnd.percentile(firstTimes, 0.5), BenchmarkGatewayEndToEnd.percentile(secondTimes, 0.5)};
    }

    /**
     * Plans scans of tables with the given numbers of files (copies of one small Parquet file with field ids, whose
     * footer planning reads once per file): uncached (a new plan cache) and cached.
     */
    private static void planning(LakehouseCatalog lakehouse, List<Integer> fileCounts, Map<Integer, Double> uncached, Map<Integer, Double> cached)
            throws Exception
    {
        Schema schema = new Schema(required(1, "id", Types.LongType.get()), required(2, "v", Types.StringType.get()));
        lakehouse.catalog().createNamespace(Namespace.of("planning"));
        Path template = Path.of(java.net.URI.create(lakehouse.warehouse() + "/planning/template.parquet"));
        Files.createDirectories(template.getParent());
        try (Connection duckdb = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties()); Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT CAST(i AS BIGINT) AS id, 'v' || i AS v FROM range(10) t(i)) TO '" + template + "' (FORMAT parquet, FIELD_IDS {id: 1, v: 2})");
        }
        for (int files : fileCounts) {
            Table table = lakehouse.catalog().createTable(TableIdentifier.of("planning", "files_" + files), schema, PartitionSpec.unpartitioned());
            Path data = Path.of(java.net.URI.create(table.location() + "/data"));
            Files.createDirectories(data);
            AppendFiles append = table.newAppend();
            for (int i = 0; i < files; i++) {
                Path file = data.resolve(i + ".parquet");
                Files.copy(template, file);
                append.appendFile(DataFiles.builder(table.spec()).withPath(file.toUri().toString())
                        .withFileSizeInBytes(Files.size(file)).withRecordCount(10).build());
            }
            append.commit();
            Table loaded = lakehouse.catalog().loadTable(TableIdentifier.of("planning", "files_" + files));
            int rounds = files >= 10_000 ? 5 : 50;
            double total = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                new DuckDbScans().scan("planning.files_" + files, loaded);
                total += (System.nanoTime() - start) / 1e6;
            }
            uncached.put(files, total / rounds);
            DuckDbScans scans = new DuckDbScans();
            scans.scan("planning.files_" + files, loaded);
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                scans.scan("planning.files_" + files, loaded);
            }
            cached.put(files, (System.nanoTime() - start) / 1e6 / 1000);
        }
    }

    private static long firstOrderKey(Statement statement)
            throws SQLException
    {
        try (ResultSet resultSet = statement.executeQuery("SELECT min(orderkey) FROM lineitem_native")) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }

    private static List<String> answer(Statement statement, String sql)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(resultSet.getString(column)).append('|');
                }
                rows.add(row.toString());
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No rows: " + sql);
        }
        return rows;
    }
}
