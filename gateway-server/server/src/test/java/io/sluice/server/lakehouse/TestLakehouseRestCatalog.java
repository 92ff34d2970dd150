package io.sluice.server.lakehouse;

import io.sluice.catalog.iceberg.LocalFileIO;
import io.sluice.server.testing.SluiceServerExtension;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lakehouse catalog as engines reach it: Iceberg's REST client against {@code http://127.0.0.1:<rest port>/iceberg}
 * of a running Sluice, with the state in Sluice's embedded metadata store and the tables under its warehouse; a
 * restart keeps every table and snapshot.
 */
class TestLakehouseRestCatalog
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.thrift.max-frame-size", "64kB");

    private static RESTCatalog client()
    {
        RESTCatalog client = new RESTCatalog();
        client.initialize("lakehouse", Map.of(CatalogProperties.URI, "http://127.0.0.1:" + SLUICE.server().restPort() + "/iceberg",
                CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName()));
        return client;
    }

    @Test
    void icebergClientsShareTheLakehouseAcrossARestart()
            throws Exception
    {
        Schema schema = new Schema(required(1, "id", Types.LongType.get()), required(2, "name", Types.StringType.get()));
        TableIdentifier people = TableIdentifier.of("crm", "people");
        long snapshot;
        try (RESTCatalog client = client()) {
            client.createNamespace(Namespace.of("crm"), new HashMap<>(Map.of("owner", "alice")));
            Table table = client.createTable(people, schema);
            assertThat(table.location()).startsWith(SLUICE.server().lakehouse().warehouse() + "/crm/people");
            table.newAppend().appendFile(DataFiles.builder(table.spec()).withPath(table.location() + "/data/1.parquet")
                    .withFileSizeInBytes(100).withRecordCount(3).build()).commit();
            snapshot = table.currentSnapshot().snapshotId();
            client.buildView(TableIdentifier.of("crm", "named"))
                    .withSchema(schema)
                    .withDefaultNamespace(Namespace.of("crm"))
                    .withQuery("spark", "SELECT id, name FROM people")
                    .create();
        }
        SLUICE.restart();
        try (RESTCatalog client = client()) {
            assertThat(client.loadNamespaceMetadata(Namespace.of("crm"))).containsEntry("owner", "alice");
            assertThat(client.loadTable(people).currentSnapshot().snapshotId()).isEqualTo(snapshot);
            assertThat(client.loadTable(people).currentSnapshot().summary()).containsEntry("total-records", "3");
            assertThat(client.listViews(Namespace.of("crm"))).containsExactly(TableIdentifier.of("crm", "named"));
        }
    }

    @Test
    void badRequestsGetIcebergsErrorModel()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + SLUICE.server().restPort() + "/iceberg";
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/config")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"endpoints\"");

        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/namespaces"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\": ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"type\":\"BadRequestException\"");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/namespaces/nowhere")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"type\":\"NoSuchNamespaceException\"");

        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/namespaces"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"namespace\": [\"" + "x".repeat(100_000) + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("\"type\":\"RequestTooLargeException\"").contains("server.thrift.max-frame-size");

        // The Sluice API beside it keeps its own problem documents.
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
