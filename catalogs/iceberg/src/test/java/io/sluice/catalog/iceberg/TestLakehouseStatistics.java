package io.sluice.catalog.iceberg;

import io.sluice.metastore.Metastore;
import io.sluice.metastore.TestingMetastores;
import io.sluice.spi.metadata.TableStatistics;
import io.sluice.spi.metadata.TableStatistics.ColumnStatistics;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.GenericBlobMetadata;
import org.apache.iceberg.GenericStatisticsFile;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

/** Statistics of lakehouse tables from Iceberg metadata: snapshot summaries, manifest metrics, Puffin NDV, pruned estimates. */
class TestLakehouseStatistics
{
    private static final Schema SCHEMA = new Schema(
            required(1, "id", Types.LongType.get()),
            optional(2, "region", Types.StringType.get()),
            optional(3, "day", Types.DateType.get()));

    private LakehouseCatalog lakehouse;

    @BeforeEach
    void open()
            throws IOException
    {
        lakehouse = LakehouseCatalog.open(Metastore.open(TestingMetastores.h2()), Files.createTempDirectory("sluice-warehouse").toString());
        lakehouse.catalog().createNamespace(Namespace.of("sales"));
    }

    @AfterEach
    void close()
            throws IOException
    {
        lakehouse.close();
    }

    @Test
    void statisticsFromSnapshotManifestsAndPuffin()
    {
        Table table = lakehouse.catalog().buildTable(TableIdentifier.of("sales", "orders"), SCHEMA)
                .withPartitionSpec(PartitionSpec.builderFor(SCHEMA).identity("region").build()).create();
        assertThat(LakehouseStatistics.of(table).rowCount()).isEqualTo(OptionalDouble.of(0));

        table.newAppend()
                .appendFile(file(table, "north", 100, 1000, 1, 50, 3, "2024-01-01", "2024-01-31"))
                .appendFile(file(table, "south", 60, 700, 51, 90, 0, "2023-12-15", "2024-01-10"))
                .commit();
        TableStatistics statistics = LakehouseStatistics.of(table);
        assertThat(statistics.rowCount()).isEqualTo(OptionalDouble.of(160));
        assertThat(statistics.dataBytes()).isEqualTo(OptionalDouble.of(1700));
        assertThat(statistics.fileCount()).isEqualTo(OptionalDouble.of(2));
        ColumnStatistics id = statistics.columns().get(0);
        assertThat(id.name()).isEqualTo("id");
        assertThat(id.low()).contains("1");
        assertThat(id.high()).contains("90");
        assertThat(id.distinctValues()).isEmpty();
        ColumnStatistics region = statistics.columns().get(1);
        assertThat(region.nullsFraction()).isEqualTo(OptionalDouble.of(3 / 160.0));
        assertThat(region.low()).contains("north");
        assertThat(region.high()).contains("south");
        ColumnStatistics day = statistics.columns().get(2);
        assertThat(day.low()).contains("2023-12-15");
        assertThat(day.high()).contains("2024-01-31");

        // Distinct values from a Theta sketch blob of the current snapshot, as Trino's ANALYZE writes it.
        long snapshot = table.currentSnapshot().snapshotId();
        table.updateStatistics().setStatistics(new GenericStatisticsFile(snapshot, table.location() + "/metadata/stats.puffin", 100, 20,
                List.of(new GenericBlobMetadata(LakehouseStatistics.THETA_SKETCH_BLOB, snapshot, table.currentSnapshot().sequenceNumber(), List.of(1),
                        Map.of("ndv", "157"))))).commit();
        assertThat(LakehouseStatistics.of(table).columns().get(0).distinctValues()).isEqualTo(OptionalDouble.of(157));

        // A sketch of an older snapshot says nothing of the current one.
        table.newAppend().appendFile(file(table, "east", 40, 300, 91, 130, 0, "2024-02-01", "2024-02-02")).commit();
        TableStatistics after = LakehouseStatistics.of(table);
        assertThat(after.rowCount()).isEqualTo(OptionalDouble.of(200));
        assertThat(after.columns().get(0).distinctValues()).isEmpty();
    }

    @Test
    void prunedEstimatesKeepWhatTheFilterCanMatch()
    {
        Table table = lakehouse.catalog().buildTable(TableIdentifier.of("sales", "events"), SCHEMA)
                .withPartitionSpec(PartitionSpec.builderFor(SCHEMA).identity("region").build()).create();
        table.newAppend()
                .appendFile(file(table, "north", 100, 1000, 1, 50, 0, "2024-01-01", "2024-01-31"))
                .appendFile(file(table, "south", 60, 700, 51, 90, 0, "2024-01-01", "2024-01-31"))
                .appendFile(file(table, "east", 40, 300, 91, 130, 0, "2024-01-01", "2024-01-31"))
                .commit();
        assertThat(LakehouseStatistics.estimate(table, Expressions.alwaysTrue())).isEqualTo(new LakehouseStatistics.ScanEstimate(200, 2000, 3));
        // By partition value.
        assertThat(LakehouseStatistics.estimate(table, Expressions.equal("region", "south"))).isEqualTo(new LakehouseStatistics.ScanEstimate(60, 700, 1));
        // By the files' column bounds.
        assertThat(LakehouseStatistics.estimate(table, Expressions.greaterThan("id", 85L))).isEqualTo(new LakehouseStatistics.ScanEstimate(100, 1000, 2));
        assertThat(LakehouseStatistics.estimate(table, Expressions.lessThan("id", 0L))).isEqualTo(new LakehouseStatistics.ScanEstimate(0, 0, 0));
    }

    private static DataFile file(Table table, String region, long rows, long bytes, long lowId, long highId, long regionNulls, String lowDay, String highDay)
    {
        Metrics metrics = new Metrics(rows,
                Map.of(1, rows * 8, 2, rows * 5, 3, rows * 4),
                Map.of(1, rows, 2, rows, 3, rows),
                Map.of(1, 0L, 2, regionNulls, 3, 0L),
                Map.of(),
                Map.of(1, Conversions.toByteBuffer(Types.LongType.get(), lowId), 2, Conversions.toByteBuffer(Types.StringType.get(), region),
                        3, Conversions.toByteBuffer(Types.DateType.get(), (int) java.time.LocalDate.parse(lowDay).toEpochDay())),
                Map.of(1, Conversions.toByteBuffer(Types.LongType.get(), highId), 2, Conversions.toByteBuffer(Types.StringType.get(), region),
                        3, Conversions.toByteBuffer(Types.DateType.get(), (int) java.time.LocalDate.parse(highDay).toEpochDay())));
        return DataFiles.builder(table.spec())
                .withPath(table.location() + "/data/region=" + region + "/" + lowId + ".parquet")
                .withFileSizeInBytes(bytes)
                .withPartitionPath("region=" + region)
                .withMetrics(metrics)
                .build();
    }
}
