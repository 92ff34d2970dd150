package io.sluice.server.bi;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.hive.service.rpc.thrift.TGetInfoReq;
import org.apache.hive.service.rpc.thrift.TGetInfoResp;
import org.apache.hive.service.rpc.thrift.TGetInfoType;
import org.apache.hive.service.rpc.thrift.TOpenSessionReq;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TStatusCode;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.sluice.server.testing.JdbcRows.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What BI tools do besides queries: a DBeaver-style metadata walk through the Hive JDBC driver in both result-shape
 * dialects, the GetInfo facts ODBC drivers (Power BI, Tableau) ask for, and a Thrift HTTP endpoint that answers
 * garbage with a 4xx and keeps serving.
 */
class TestBiMetadataAndHttpEdges
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.info.dbms-name", "Sluice for BI")
            .with("server.info.max-identifier-length", "255");

    @Test
    void dbeaverStyleMetadataWalk()
            throws SQLException
    {
        for (String dialect : List.of("spark", "hive")) {
            String url = SLUICE.binaryUrl("default") + "?sluice.dialect=" + dialect;
            try (Connection connection = TestClients.HIVE_JDBC.connect(url, "dbeaver"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS walk_db");
                statement.execute("CREATE TABLE IF NOT EXISTS walk_db.customers (id BIGINT, name STRING)");
                statement.execute("CREATE OR REPLACE VIEW walk_db.named AS SELECT name FROM walk_db.customers");
                DatabaseMetaData metadata = connection.getMetaData();
                // What DBeaver reads on connect.
                assertThat(metadata.getDatabaseProductName()).isEqualTo("Sluice for BI");
                assertThat(metadata.getDatabaseProductVersion()).isNotBlank();
                assertThat(metadata.getIdentifierQuoteString()).isEqualTo("`");
                assertThat(metadata.getSearchStringEscape()).isEqualTo("\\");
                // Its navigator: catalogs (the lakehouse and DuckDB's own), schemas, tables by type, columns, keys.
                assertThat(column(metadata.getCatalogs(), "TABLE_CAT")).contains("lakehouse").hasSize(2);
                assertThat(column(metadata.getSchemas(null, null), "TABLE_SCHEM")).contains("default", "walk_db");
                assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
                try (ResultSet tables = metadata.getTables(null, "walk_db", "%", new String[] {"TABLE", "VIEW"})) {
                    List<String> found = new ArrayList<>();
                    while (tables.next()) {
                        found.add(tables.getString("TABLE_NAME") + ":" + tables.getString("TABLE_TYPE"));
                        tables.getString("REMARKS");
                    }
                    assertThat(found).containsExactly("customers:TABLE", "named:VIEW");
                }
                try (ResultSet columns = metadata.getColumns(null, "walk_db", "customers", null)) {
                    assertThat(columns.findColumn("REMARKS")).isPositive();
                    List<String> found = new ArrayList<>();
                    while (columns.next()) {
                        found.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + " " + columns.getString("IS_NULLABLE"));
                        columns.getString("REMARKS");
                    }
                    assertThat(found).containsExactly("id bigint YES", "name string YES");
                }
                assertThat(column(metadata.getPrimaryKeys(null, "walk_db", "customers"), "COLUMN_NAME")).isEmpty();
                assertThat(column(metadata.getImportedKeys(null, "walk_db", "customers"), "FKCOLUMN_NAME")).isEmpty();
                assertThat(column(metadata.getTypeInfo(), "TYPE_NAME")).contains("BOOLEAN", "BIGINT", "DECIMAL", "STRING", "DATE", "TIMESTAMP");
                assertThat(column(metadata.getFunctions(null, null, "date%"), "FUNCTION_NAME")).contains("date_add", "date_trunc");
                // The SQL editor's first statements.
                try (ResultSet resultSet = statement.executeQuery("SELECT * FROM walk_db.customers LIMIT 200")) {
                    assertThat(resultSet.getMetaData().getColumnCount()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void getInfoAnswersWhatOdbcDriversAsk()
            throws Exception
    {
        try (TSocket socket = new TSocket("127.0.0.1", SLUICE.server().binaryPort())) {
            socket.open();
            TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(socket));
            TOpenSessionReq open = new TOpenSessionReq(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            open.setUsername("tableau");
            TSessionHandle session = client.OpenSession(open).getSessionHandle();
            for (TGetInfoType type : TGetInfoType.values()) {
                TGetInfoResp response = client.GetInfo(new TGetInfoReq(session, type));
                assertThat(response.getStatus().getStatusCode()).as(type + ": " + response.getStatus().getErrorMessage()).isEqualTo(TStatusCode.SUCCESS_STATUS);
            }
            assertThat(info(client, session, TGetInfoType.CLI_DBMS_NAME).getStringValue()).isEqualTo("Sluice for BI");
            assertThat(info(client, session, TGetInfoType.CLI_MAX_IDENTIFIER_LEN).getLenValue()).isEqualTo(255);
            assertThat(info(client, session, TGetInfoType.CLI_MAX_TABLE_NAME_LEN).getLenValue()).isEqualTo(255);
            assertThat(info(client, session, TGetInfoType.CLI_USER_NAME).getStringValue()).isEqualTo("tableau");
            assertThat(info(client, session, TGetInfoType.CLI_IDENTIFIER_QUOTE_CHAR).getStringValue()).isEqualTo("`");
            // The words Sluice reserves beyond SQL:2003; its own and Spark's words stay names, so they are not listed.
            List<String> keywords = List.of(info(client, session, TGetInfoType.CLI_ODBC_KEYWORDS).getStringValue().split(","));
            assertThat(keywords).contains("ASOF").doesNotContain("SELECT", "TRANSPILE", "SEMI", "DEFAULT");
        }
    }

    private static org.apache.hive.service.rpc.thrift.TGetInfoValue info(TCLIService.Client client, TSessionHandle session, TGetInfoType type)
            throws Exception
    {
        return client.GetInfo(new TGetInfoReq(session, type)).getInfoValue();
    }

    @Test
    void httpTransportAnswersBadRequestsWithClientErrors()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        String endpoint = "http://127.0.0.1:" + SLUICE.server().httpPort() + "/cliservice";
        String basic = "Basic " + Base64.getEncoder().encodeToString("mallory:secret".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> bodies = Map.of(
                "garbage", "this is not thrift".getBytes(StandardCharsets.UTF_8),
                "empty", new byte[0],
                "json", "{\"statement\": \"SELECT 1\"}".getBytes(StandardCharsets.UTF_8),
                // A call whose arguments end in the middle of a struct.
                "truncated call", HexFormat.of().parseHex("80010001000000104578656375746553746174656d656e74000000010c0001"),
                // A strict message header claiming a name longer than the request.
                "oversized name", HexFormat.of().parseHex("800100017fffffff"));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Authorization", basic)
                    .header("Content-Type", "application/x-thrift")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(body.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(body.getKey()).startsWith("Malformed Thrift request");
        }
        assertThat(http.send(HttpRequest.newBuilder(URI.create(endpoint)).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(endpoint)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"sluice\"");
        HttpResponse<String> badCredentials = http.send(HttpRequest.newBuilder(URI.create(endpoint)).header("Authorization", "Basic !!!")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badCredentials.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongPath = http.send(HttpRequest.newBuilder(URI.create(endpoint + "x")).header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPath.statusCode()).isEqualTo(404);
        assertThat(wrongPath.body()).contains("/cliservice");

        // Clients that send a request and hang up before the answer: nothing is left behind, the server keeps serving.
        int operationsBefore = SLUICE.server().backend().operationCount();
        for (int i = 0; i < 20; i++) {
            try (Socket socket = new Socket("127.0.0.1", SLUICE.server().httpPort())) {
                OutputStream output = socket.getOutputStream();
                byte[] call = HexFormat.of().parseHex("800100010000000b4f70656e53657373696f6e000000010c000108000100000009000000");
                output.write(("POST /cliservice HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic
                        + "\r\nContent-Type: application/x-thrift\r\nContent-Length: " + call.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                output.write(call);
                output.flush();
            }
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default"), "mallory"); Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SELECT 41 + 1")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getInt(1)).isEqualTo(42);
        }
        assertThat(SLUICE.server().backend().operationCount()).isEqualTo(operationsBefore);
    }

}
