package io.sluice.catalog.iceberg;

import io.sluice.metastore.Metastore;
import io.sluice.metastore.MetastoreConfig;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.view.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sluice's Iceberg REST catalog driven by Iceberg's own REST client ({@link RESTCatalog}), over HTTP, on each
 * database the metadata store runs on; and the protocol's error answers for bad input, each leaving the catalog as it was.
 */
abstract class AbstractTestIcebergRestCatalog
{
    private static final Schema SCHEMA = new Schema(required(1, "id", Types.LongType.get()), optional(2, "region", Types.StringType.get()));

    private MetastoreConfig storeConfig;
    private Path warehouse;
    private LakehouseCatalog lakehouse;
    private IcebergRestService service;
    private TestingIcebergServer server;
    private RESTCatalog client;

    protected abstract MetastoreConfig newStore();

    @BeforeEach
    void start()
            throws IOException
    {
        storeConfig = newStore();
        warehouse = Files.createTempDirectory("sluice-warehouse");
        open();
    }

    private void open()
            throws IOException
    {
        lakehouse = LakehouseCatalog.open(Metastore.open(storeConfig), warehouse.toString());
        service = new IcebergRestService(lakehouse);
        server = new TestingIcebergServer(service);
        client = new RESTCatalog();
        client.initialize("lakehouse", Map.of(CatalogProperties.URI, server.uri(), CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName()));
    }

    @AfterEach
    void stop()
            throws IOException
    {
        client.close();
        server.close();
        lakehouse.close();
    }

    @Test
    void namespaces()
    {
        client.createNamespace(Namespace.of("sales"), new HashMap<>(Map.of("owner", "alice")));
        client.createNamespace(Namespace.of("ops"));
        client.createNamespace(Namespace.of("ops", "daily"));
        assertThat(client.listNamespaces()).contains(Namespace.of("sales"), Namespace.of("ops"));
        assertThat(client.listNamespaces(Namespace.of("ops"))).containsExactly(Namespace.of("ops", "daily"));
        assertThat(client.loadNamespaceMetadata(Namespace.of("sales"))).containsEntry("owner", "alice");
        assertThat(client.namespaceExists(Namespace.of("sales"))).isTrue();
        assertThat(client.namespaceExists(Namespace.of("nope"))).isFalse();
        client.setProperties(Namespace.of("sales"), new HashMap<>(Map.of("comment", "the sales team")));
        client.removeProperties(Namespace.of("sales"), new HashSet<>(Set.of("owner")));
        assertThat(client.loadNamespaceMetadata(Namespace.of("sales"))).containsEntry("comment", "the sales team").doesNotContainKey("owner");
        assertThatThrownBy(() -> client.createNamespace(Namespace.of("sales"))).isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> client.loadNamespaceMetadata(Namespace.of("nope"))).isInstanceOf(NoSuchNamespaceException.class);

        client.createTable(TableIdentifier.of("ops", "events"), SCHEMA);
        assertThatThrownBy(() -> client.dropNamespace(Namespace.of("ops"))).isInstanceOf(NamespaceNotEmptyException.class);
        assertThat(client.dropNamespace(Namespace.of("ops", "daily"))).isTrue();

        // Pages of one namespace at a time, as engines page through large catalogs.
        IcebergRestService.Reply page = service.handle("GET", "/v1/namespaces", Map.of("pageSize", "1"), new byte[0]);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().orElseThrow()).contains("\"next-page-token\"");
    }

    @Test
    void tablesCommitsRenamesAndDrops()
    {
        client.createNamespace(Namespace.of("sales"));
        TableIdentifier orders = TableIdentifier.of("sales", "orders");
        Table table = client.buildTable(orders, SCHEMA).withPartitionSpec(PartitionSpec.builderFor(SCHEMA).identity("region").build())
                .withProperty("format-version", "2").create();
        assertThat(table.location()).startsWith(lakehouse.warehouse() + "/sales/orders");
        assertThat(client.listTables(Namespace.of("sales"))).containsExactly(orders);

        // Two writers that loaded the same snapshot commit one after the other: the second's client retries on the
        // 409 and both appends are kept.
        Table first = client.loadTable(orders);
        Table second = client.loadTable(orders);
        first.newAppend().appendFile(dataFile(first, "a", 10)).commit();
        second.newAppend().appendFile(dataFile(second, "b", 20)).commit();
        Table reloaded = client.loadTable(orders);
        assertThat(reloaded.snapshots()).hasSize(2);
        assertThat(reloaded.currentSnapshot().summary()).containsEntry("total-records", "30").containsEntry("total-data-files", "2");

        // Schema evolution goes through the catalog like any commit.
        reloaded.updateSchema().addColumn("amount", Types.DecimalType.of(12, 2)).commit();
        assertThat(client.loadTable(orders).schema().findField("amount").type()).isEqualTo(Types.DecimalType.of(12, 2));

        TableIdentifier renamed = TableIdentifier.of("sales", "orders_2024");
        client.renameTable(orders, renamed);
        assertThat(client.tableExists(orders)).isFalse();
        assertThat(client.loadTable(renamed).snapshots()).hasSize(2);
        assertThat(client.dropTable(renamed, true)).isTrue();
        assertThatThrownBy(() -> client.loadTable(renamed)).isInstanceOf(NoSuchTableException.class);
        assertThatThrownBy(() -> client.createTable(TableIdentifier.of("nope", "t"), SCHEMA)).isInstanceOf(NoSuchNamespaceException.class);
    }

    @Test
    void views()
    {
        client.createNamespace(Namespace.of("sales"));
        TableIdentifier name = TableIdentifier.of("sales", "big_orders");
        View view = client.buildView(name)
                .withSchema(SCHEMA)
                .withDefaultNamespace(Namespace.of("sales"))
                .withQuery("spark", "SELECT id, region FROM orders WHERE id > 100")
                .create();
        assertThat(view.sqlFor("spark").sql()).isEqualTo("SELECT id, region FROM orders WHERE id > 100");
        assertThat(client.listViews(Namespace.of("sales"))).containsExactly(name);
        assertThat(client.listTables(Namespace.of("sales"))).isEmpty();
        assertThat(client.loadView(name).schema().columns()).hasSize(2);
        assertThat(client.dropView(name)).isTrue();
        assertThat(client.viewExists(name)).isFalse();
    }

    @Test
    void stateSurvivesARestart()
            throws IOException
    {
        client.createNamespace(Namespace.of("sales"), new HashMap<>(Map.of("owner", "alice")));
        Table table = client.createTable(TableIdentifier.of("sales", "orders"), SCHEMA);
        table.newAppend().appendFile(dataFile(table, "a", 5)).commit();
        long snapshot = table.currentSnapshot().snapshotId();
        stop();
        open();
        assertThat(client.loadNamespaceMetadata(Namespace.of("sales"))).containsEntry("owner", "alice");
        assertThat(client.loadTable(TableIdentifier.of("sales", "orders")).currentSnapshot().snapshotId()).isEqualTo(snapshot);
    }

    @Test
    void badRequestsGetTheSpecsErrorsAndChangeNothing()
    {
        client.createNamespace(Namespace.of("sales"));
        assertError(service.handle("POST", "/v1/namespaces/sales/tables", Map.of(), "{not json".getBytes(StandardCharsets.UTF_8)), 400, "BadRequestException");
        assertError(service.handle("POST", "/v1/namespaces/sales/tables", Map.of(), new byte[0]), 400, "BadRequestException");
        assertError(service.handle("GET", "/v1/namespaces/nope/tables", Map.of(), new byte[0]), 404, "NoSuchNamespaceException");
        assertError(service.handle("GET", "/v1/namespaces/nope/tables/t", Map.of(), new byte[0]), 404, "NoSuchTableException");
        assertError(service.handle("GET", "/v1/namespaces/sales/tables/missing", Map.of(), new byte[0]), 404, "NoSuchTableException");
        assertError(service.handle("GET", "/v1/nothing/here", Map.of(), new byte[0]), 404, "NoSuchEndpointException");
        assertError(service.handle("PUT", "/v1/namespaces", Map.of(), new byte[0]), 405, "MethodNotAllowed");
        assertError(service.handle("GET", "/v1/namespaces/sales/tables/missing", Map.of("snapshots", "some"), new byte[0]), 400, "IllegalArgumentException");

        // A location outside the warehouse, for a new table and for a registered one: refused, nothing created.
        String outside = "{\"name\": \"escape\", \"location\": \"file:/tmp/elsewhere/escape\", \"schema\": "
                + "{\"type\": \"struct\", \"schema-id\": 0, \"fields\": [{\"id\": 1, \"name\": \"id\", \"required\": true, \"type\": \"long\"}]}}";
        assertError(service.handle("POST", "/v1/namespaces/sales/tables", Map.of(), outside.getBytes(StandardCharsets.UTF_8)), 400, "IllegalArgumentException");
        assertError(service.handle("POST", "/v1/namespaces/sales/register", Map.of(),
                "{\"name\": \"stolen\", \"metadata-location\": \"file:/etc/v1.metadata.json\"}".getBytes(StandardCharsets.UTF_8)), 400, "IllegalArgumentException");
        assertThat(client.listTables(Namespace.of("sales"))).isEmpty();

        // A commit whose requirement fails is a 409 (engine clients refresh and retry), and the table keeps its state.
        Table table = client.createTable(TableIdentifier.of("sales", "orders"), SCHEMA);
        String staleCommit = "{\"requirements\": [{\"type\": \"assert-table-uuid\", \"uuid\": \"00000000-0000-0000-0000-000000000000\"}], "
                + "\"updates\": [{\"action\": \"set-properties\", \"updates\": {\"x\": \"y\"}}]}";
        assertError(service.handle("POST", "/v1/namespaces/sales/tables/orders", Map.of(), staleCommit.getBytes(StandardCharsets.UTF_8)), 409, "CommitFailedException");
        assertThat(client.loadTable(TableIdentifier.of("sales", "orders")).properties()).doesNotContainKey("x");
        assertThat(table.uuid()).isNotNull();

        // A transaction without its table changes is a bad request.
        assertError(service.handle("POST", "/v1/transactions/commit", Map.of(), "{}".getBytes(StandardCharsets.UTF_8)), 400, "IllegalArgumentException");
        // Metrics reports are accepted without a body in the answer.
        assertThat(service.handle("POST", "/v1/namespaces/sales/tables/orders/metrics", Map.of(), metricsReport()).status()).isEqualTo(204);
    }

    @Test
    void configAdvertisesTheServedEndpoints()
    {
        IcebergRestService.Reply config = service.handle("GET", "/v1/config", Map.of(), new byte[0]);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().orElseThrow()).contains("GET /v1/{prefix}/namespaces/{namespace}/views/{view}")
                .contains("POST /v1/{prefix}/namespaces/{namespace}/tables/{table}/metrics")
                .contains("POST /v1/{prefix}/transactions/commit");
    }

    /** Changes to several tables commit together through Iceberg's client, or not at all when one's requirement fails. */
    @Test
    void multiTableTransactions()
    {
        client.createNamespace(Namespace.of("tx"));
        Table orders = client.createTable(TableIdentifier.of("tx", "orders"), SCHEMA);
        Table customers = client.createTable(TableIdentifier.of("tx", "customers"), SCHEMA);
        TableMetadata ordersBase = ((HasTableOperations) orders).operations().current();
        TableMetadata customersBase = ((HasTableOperations) customers).operations().current();
        client.commitTransaction(
                TableCommit.create(TableIdentifier.of("tx", "orders"), ordersBase, TableMetadata.buildFrom(ordersBase).setProperties(Map.of("batch", "7")).build()),
                TableCommit.create(TableIdentifier.of("tx", "customers"), customersBase, TableMetadata.buildFrom(customersBase)
                        .setProperties(Map.of("batch", "7")).build()));
        assertThat(client.loadTable(TableIdentifier.of("tx", "orders")).properties()).containsEntry("batch", "7");
        assertThat(client.loadTable(TableIdentifier.of("tx", "customers")).properties()).containsEntry("batch", "7");

        // One change whose requirement fails: a 409, and the other table's change is not applied either.
        String transaction = "{\"table-changes\": ["
                + "{\"identifier\": {\"namespace\": [\"tx\"], \"name\": \"orders\"}, \"requirements\": [], "
                + "\"updates\": [{\"action\": \"set-properties\", \"updates\": {\"batch\": \"8\"}}]},"
                + "{\"identifier\": {\"namespace\": [\"tx\"], \"name\": \"customers\"}, "
                + "\"requirements\": [{\"type\": \"assert-table-uuid\", \"uuid\": \"00000000-0000-0000-0000-000000000000\"}], "
                + "\"updates\": [{\"action\": \"set-properties\", \"updates\": {\"batch\": \"8\"}}]}]}";
        assertError(service.handle("POST", "/v1/transactions/commit", Map.of(), transaction.getBytes(StandardCharsets.UTF_8)), 409, "CommitFailedException");
        assertThat(client.loadTable(TableIdentifier.of("tx", "orders")).properties()).containsEntry("batch", "7");
        assertThat(client.loadTable(TableIdentifier.of("tx", "customers")).properties()).containsEntry("batch", "7");
        // A table that does not exist: 404, nothing applied.
        String missing = transaction.replace("\"customers\"}, ", "\"nope\"}, ");
        assertError(service.handle("POST", "/v1/transactions/commit", Map.of(), missing.getBytes(StandardCharsets.UTF_8)), 404, "NoSuchTableException");
        assertThat(client.loadTable(TableIdentifier.of("tx", "orders")).properties()).containsEntry("batch", "7");
    }

    private static void assertError(IcebergRestService.Reply reply, int status, String type)
    {
        assertThat(reply.status()).as(reply.body().orElse("")).isEqualTo(status);
        assertThat(reply.body().orElseThrow()).contains("\"code\":" + status).contains("\"type\":\"" + type + "\"");
    }

    private static byte[] metricsReport()
    {
        return """
                {"report-type": "commit-report", "table-name": "sales.orders", "snapshot-id": 1, "sequence-number": 1,
                 "operation": "append", "metrics": {}}""".getBytes(StandardCharsets.UTF_8);
    }

    private static DataFile dataFile(Table table, String region, long rows)
    {
        return DataFiles.builder(table.spec())
                .withPath(table.location() + "/data/region=" + region + "/" + rows + ".parquet")
                .withFileSizeInBytes(rows * 100)
                .withRecordCount(rows)
                .withPartitionPath(table.spec().isPartitioned() ? "region=" + region : "")
                .build();
    }
}
