package io.sluice.server.lakehouse;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Damaged lakehouse tables on the embedded default: a data file deleted behind the catalog's back and a corrupt
 * metadata file fail their statements with errors naming the table, and every other table keeps answering.
 */
class TestLakehouseDamage
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    private static final Schema SCHEMA = new Schema(optional(1, "id", Types.IntegerType.get()), optional(2, "name", Types.StringType.get()));

    /** A lakehouse table of one Parquet file with field ids, written by DuckDB itself and committed through the catalog. */
    private static Table table(Statement duckdb, String name, int rows)
            throws Exception
    {
        TableIdentifier identifier = TableIdentifier.of("damage", name);
        if (!SLUICE.server().lakehouse().catalog().namespaceExists(Namespace.of("damage"))) {
            SLUICE.server().lakehouse().catalog().createNamespace(Namespace.of("damage"));
        }
        Table table = SLUICE.server().lakehouse().catalog().createTable(identifier, SCHEMA, PartitionSpec.unpartitioned());
        DuckDbFiles.append(duckdb, table, "part-0.parquet", "SELECT CAST(i AS INTEGER) AS id, 'n' || i AS name FROM range(" + rows + ") t(i)",
                ", FIELD_IDS {id: 1, name: 2}", rows);
        return table;
    }

    @Test
    void damagedTablesFailByNameAndOthersKeepAnswering()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "damage"); Statement statement = connection.createStatement()) {
            table(statement, "healthy", 5);
            Table missingFile = table(statement, "missing_file", 3);
            Table corrupt = table(statement, "corrupt", 4);
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.damage.missing_file")).containsExactly(List.of("3"));
            assertThat(rows(statement, "SELECT count(*) FROM lakehouse.damage.corrupt")).containsExactly(List.of("4"));

            Files.delete(Path.of(URI.create(missingFile.location() + "/data/part-0.parquet")));
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM lakehouse.damage.missing_file"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("part-0.parquet");

            // A metadata file corrupted behind the catalog's back: the table as loaded before still answers from memory
            // (its files are intact); after a restart, loading it fails naming it.
            Path metadata = Path.of(URI.create(((HasTableOperations) corrupt).operations().current().metadataFileLocation()));
            Files.writeString(metadata, "{ not json");
        }
        SLUICE.restart();
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "damage"); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM lakehouse.damage.corrupt"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Lakehouse table lakehouse.damage.corrupt cannot be read: ");
            assertThatThrownBy(() -> statement.executeQuery("SELECT count(*) FROM lakehouse.damage.missing_file"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("part-0.parquet");
            assertThat(rows(statement, "SELECT count(*), max(name) FROM lakehouse.damage.healthy")).containsExactly(List.of("5", "n4"));
            assertThat(rows(statement, "SHOW TABLES IN lakehouse.damage")).extracting(row -> row.get(1)).contains("healthy", "missing_file", "corrupt");
            // Asked again at once, the unreadable table fails at once, by name, rather than after Iceberg's retries.
            long start = System.nanoTime();
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM lakehouse.damage.corrupt"))
                    .hasMessageContaining("Lakehouse table lakehouse.damage.corrupt cannot be read");
            assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
            // Browsing the database lists the readable tables' columns.
            try (java.sql.ResultSet columns = connection.getMetaData().getColumns(null, "lakehouse.damage", "%", "%")) {
                List<String> names = new java.util.ArrayList<>();
                while (columns.next()) {
                    names.add(columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME"));
                }
                assertThat(names).contains("healthy.id", "healthy.name", "missing_file.id").doesNotContain("corrupt.id");
            }
        }
    }
}
