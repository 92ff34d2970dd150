package io.sluice.server;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.hive.service.rpc.thrift.TCloseOperationReq;
import org.apache.hive.service.rpc.thrift.TExecuteStatementReq;
import org.apache.hive.service.rpc.thrift.TExecuteStatementResp;
import org.apache.hive.service.rpc.thrift.TFetchOrientation;
import org.apache.hive.service.rpc.thrift.TFetchResultsReq;
import org.apache.hive.service.rpc.thrift.TFetchResultsResp;
import org.apache.hive.service.rpc.thrift.TGetDelegationTokenReq;
import org.apache.hive.service.rpc.thrift.TGetInfoReq;
import org.apache.hive.service.rpc.thrift.TGetInfoType;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusReq;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusResp;
import org.apache.hive.service.rpc.thrift.THandleIdentifier;
import org.apache.hive.service.rpc.thrift.TOpenSessionReq;
import org.apache.hive.service.rpc.thrift.TOpenSessionResp;
import org.apache.hive.service.rpc.thrift.TOperationHandle;
import org.apache.hive.service.rpc.thrift.TOperationState;
import org.apache.hive.service.rpc.thrift.TOperationType;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TRowSet;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TStatusCode;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input at the protocol level, sent by a plain Thrift client and raw sockets. */
class TestProtocolEdges
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.thrift.max-frame-size", "64kB")
            .with("session.max-sessions", "50")
            .with("session.max-operations", "20");

    private record Client(TSocket socket, TCLIService.Client service)
            implements AutoCloseable
    {
        @Override
        public void close()
        {
            socket.close();
        }
    }

    private static Client connect()
            throws Exception
    {
        TSocket socket = new TSocket("127.0.0.1", SLUICE.server().binaryPort());
        socket.open();
        return new Client(socket, new TCLIService.Client(new TBinaryProtocol(socket)));
    }

    private static TSessionHandle openSession(Client client, TProtocolVersion version)
            throws Exception
    {
        TOpenSessionReq request = new TOpenSessionReq(version);
        request.setUsername("frank");
        TOpenSessionResp response = client.service().OpenSession(request);
        assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
        return response.getSessionHandle();
    }

    private static TOperationHandle execute(Client client, TSessionHandle session, String sql)
            throws Exception
    {
        TExecuteStatementReq request = new TExecuteStatementReq(session, sql);
        request.setRunAsync(false);
        TExecuteStatementResp response = client.service().ExecuteStatement(request);
        assertThat(response.getStatus().getStatusCode()).as(response.getStatus().getErrorMessage()).isEqualTo(TStatusCode.SUCCESS_STATUS);
        return response.getOperationHandle();
    }

    @Test
    void unknownHandlesAreRejectedClearly()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle forged = new TSessionHandle(new THandleIdentifier(ByteBuffer.allocate(16), ByteBuffer.allocate(16)));
            var response = client.service().ExecuteStatement(new TExecuteStatementReq(forged, "SELECT 1"));
            assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.INVALID_HANDLE_STATUS);
            assertThat(response.getStatus().getSqlState()).isEqualTo("08003");
            assertThat(response.getStatus().getErrorMessage()).contains("Invalid SessionHandle");

            TOperationHandle forgedOperation = new TOperationHandle(new THandleIdentifier(ByteBuffer.allocate(16), ByteBuffer.allocate(16)), TOperationType.EXECUTE_STATEMENT, true);
            TFetchResultsResp fetch = client.service().FetchResults(new TFetchResultsReq(forgedOperation, TFetchOrientation.FETCH_NEXT, 10));
            assertThat(fetch.getStatus().getStatusCode()).isEqualTo(TStatusCode.INVALID_HANDLE_STATUS);
            assertThat(fetch.getStatus().getErrorMessage()).contains("Invalid OperationHandle");
        }
    }

    @Test
    void handlesBelongToTheirConnection()
            throws Exception
    {
        try (Client owner = connect(); Client intruder = connect()) {
            TSessionHandle session = openSession(owner, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TOperationHandle operation = execute(owner, session, "SELECT 42");
            var stolen = intruder.service().FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10));
            assertThat(stolen.getStatus().getStatusCode()).isEqualTo(TStatusCode.INVALID_HANDLE_STATUS);
            var stolenSession = intruder.service().GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_DBMS_NAME));
            assertThat(stolenSession.getStatus().getStatusCode()).isEqualTo(TStatusCode.INVALID_HANDLE_STATUS);
            // The owner still can.
            var fetched = owner.service().FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10));
            assertThat(fetched.getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
            assertThat(fetched.getResults().getColumns().get(0).getI32Val().getValues()).containsExactly(42);
        }
    }

    @Test
    void fetchAfterCloseAndUnsupportedCalls()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TOperationHandle operation = execute(client, session, "SELECT 1");
            client.service().CloseOperation(new TCloseOperationReq(operation));
            var fetch = client.service().FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10));
            assertThat(fetch.getStatus().getStatusCode()).isEqualTo(TStatusCode.INVALID_HANDLE_STATUS);

            var token = client.service().GetDelegationToken(new TGetDelegationTokenReq(session, "frank", "hive"));
            assertThat(token.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
            assertThat(token.getStatus().getErrorMessage()).contains("Delegation tokens are not supported");
            assertThat(token.getStatus().getSqlState()).isEqualTo("0A000");
        }
    }

    @Test
    void rowBasedRowSetsBeforeProtocolV6()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V5);
            TOperationHandle operation = execute(client, session, "SELECT 7 AS n, 'seven' AS s, CAST(NULL AS STRING) AS missing");
            TRowSet rows = client.service().FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 10)).getResults();
            assertThat(rows.isSetColumns()).isFalse();
            assertThat(rows.getRows()).hasSize(1);
            assertThat(rows.getRows().get(0).getColVals().get(0).getI32Val().getValue()).isEqualTo(7);
            assertThat(rows.getRows().get(0).getColVals().get(1).getStringVal().getValue()).isEqualTo("seven");
            assertThat(rows.getRows().get(0).getColVals().get(2).getStringVal().isSetValue()).isFalse();
            // A streamed result cannot start over once read, and says so; the operation log is fetched with fetchType 1.
            TFetchResultsReq first = new TFetchResultsReq(operation, TFetchOrientation.FETCH_FIRST, 10);
            var refused = client.service().FetchResults(first);
            assertThat(refused.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
            assertThat(refused.getStatus().getErrorMessage()).contains("FETCH_FIRST is not supported once rows of a streamed result were fetched");
            TFetchResultsReq log = new TFetchResultsReq(operation, TFetchOrientation.FETCH_FIRST, 100);
            log.setFetchType((short) 1);
            TRowSet logRows = client.service().FetchResults(log).getResults();
            assertThat(logRows.getRows()).anySatisfy(row -> assertThat(row.getColVals().get(0).getStringVal().getValue()).contains("Routed to duckdb"));
        }
    }

    @Test
    void failedAsyncStatementReportsErrorState()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TExecuteStatementReq request = new TExecuteStatementReq(session, "SELECT * FROM nowhere");
            request.setRunAsync(true);
            TOperationHandle operation = client.service().ExecuteStatement(request).getOperationHandle();
            TGetOperationStatusResp status;
            do {
                status = client.service().GetOperationStatus(new TGetOperationStatusReq(operation));
            }
            while (status.getOperationState() == TOperationState.RUNNING_STATE || status.getOperationState() == TOperationState.PENDING_STATE);
            assertThat(status.getOperationState()).isEqualTo(TOperationState.ERROR_STATE);
            assertThat(status.getSqlState()).isEqualTo("42P01");
            assertThat(status.getErrorMessage()).contains("nowhere");
        }
    }

    @Test
    void errorInfoMessagesRebuildInTheHiveDriver()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TExecuteStatementResp response = client.service().ExecuteStatement(new TExecuteStatementReq(session, "SELECT 1 +"));
            assertThat(response.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
            String message = response.getStatus().getErrorMessage();
            assertThat(message).contains(":");
            // Hive 3 clients (beeline among them) rebuild the server's exception from the info messages, on fetch
            // errors for one: with Hive's own parser, colons in the message included.
            try (URLClassLoader beeline = new URLClassLoader(TestClients.jars(TestClients.root().resolve("beeline")), ClassLoader.getPlatformClassLoader())) {
                Class<?> hiveSqlException = Class.forName("org.apache.hive.service.cli.HiveSQLException", true, beeline);
                Throwable cause = (Throwable) hiveSqlException.getMethod("toCause", List.class).invoke(null, response.getStatus().getInfoMessages());
                assertThat(cause).hasMessageEndingWith(message);
            }
        }
    }

    @Test
    void garbageOversizedFramesAndDisconnectsLeaveTheServerServing()
            throws Exception
    {
        // Garbage: closed by the server, nothing else happens.
        try (Socket socket = new Socket("127.0.0.1", SLUICE.server().binaryPort())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        // A SASL client announcing a frame over server.thrift.max-frame-size (64 kB) is cut off before it is read.
        try (Socket socket = new Socket("127.0.0.1", SLUICE.server().binaryPort())) {
            DataOutputStream output = new DataOutputStream(socket.getOutputStream());
            sasl(output, 1, "PLAIN".getBytes(StandardCharsets.UTF_8));
            sasl(output, 5, "\0frank\0pw".getBytes(StandardCharsets.UTF_8));
            InputStream input = socket.getInputStream();
            socket.setSoTimeout(5000);
            assertThat(input.read()).isEqualTo(5);
            input.readNBytes(4);
            output.writeInt(10 * 1024 * 1024);
            output.flush();
            assertThat(input.read()).isEqualTo(-1);
        }
        // A client that disconnects mid-fetch: its session and operations are released.
        int before = SLUICE.server().backend().operationCount();
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TOperationHandle operation = execute(client, session, "SELECT id FROM range(1000000)");
            client.service().FetchResults(new TFetchResultsReq(operation, TFetchOrientation.FETCH_NEXT, 1000));
            assertThat(SLUICE.server().backend().operationCount()).isEqualTo(before + 1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SLUICE.server().backend().operationCount() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(SLUICE.server().backend().operationCount()).isEqualTo(before);
        // And the server still serves.
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            execute(client, session, "SELECT 1");
        }
    }

    @Test
    void sessionLimitIsEnforced()
            throws Exception
    {
        try (Client client = connect()) {
            // Open until refused: sessions of earlier tests' connections may still be closing, so the count at the
            // start is not the count at the limit; what must hold is that the refusal comes at 50 and says why.
            TOpenSessionResp refused = null;
            for (int attempt = 0; attempt <= 50 && refused == null; attempt++) {
                TOpenSessionReq request = new TOpenSessionReq(TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
                request.setUsername("frank");
                TOpenSessionResp response = client.service().OpenSession(request);
                if (response.getStatus().getStatusCode() != TStatusCode.SUCCESS_STATUS) {
                    refused = response;
                }
            }
            assertThat(refused).as("a session beyond session.max-sessions=50 is refused").isNotNull();
            assertThat(SLUICE.server().backend().sessionCount()).isEqualTo(50);
            assertThat(refused.getStatus().getStatusCode()).isEqualTo(TStatusCode.ERROR_STATUS);
            assertThat(refused.getStatus().getSqlState()).isEqualTo("53300");
            assertThat(refused.getStatus().getErrorMessage()).contains("session.max-sessions");
        }
        // Closing the connection released its sessions (the server notices the closed connection on its own thread).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (SLUICE.server().backend().sessionCount() >= 50 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(SLUICE.server().backend().sessionCount()).isLessThan(50);
        try (Client client = connect()) {
            openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
        }
    }

    private static void sasl(DataOutputStream output, int status, byte[] payload)
            throws Exception
    {
        output.write(status);
        output.writeInt(payload.length);
        output.write(payload);
        output.flush();
    }


    @Test
    void queryIdAndClientInfo()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TOperationHandle operation = execute(client, session, "SELECT 1");
            String queryId = client.service().GetQueryId(new org.apache.hive.service.rpc.thrift.TGetQueryIdReq(operation)).getQueryId();
            assertThat(queryId).matches("\\d{8}_\\d{6}_\\d{5}_[a-z2-9]{5}");
            org.apache.hive.service.rpc.thrift.TSetClientInfoReq clientInfo = new org.apache.hive.service.rpc.thrift.TSetClientInfoReq(session);
            clientInfo.setConfiguration(Map.of("ApplicationName", "edge-test"));
            assertThat(client.service().SetClientInfo(clientInfo).getStatus().getStatusCode()).isEqualTo(TStatusCode.SUCCESS_STATUS);
        }
    }

    @Test
    void operationLimitIsEnforced()
            throws Exception
    {
        try (Client client = connect()) {
            TSessionHandle session = openSession(client, TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10);
            TOperationHandle first = execute(client, session, "SELECT 1");
            for (int i = 1; i < 20; i++) {
                execute(client, session, "SELECT 1");
            }
            TExecuteStatementResp refused = client.service().ExecuteStatement(new TExecuteStatementReq(session, "SELECT 1"));
            assertThat(refused.getStatus().getSqlState()).isEqualTo("53000");
            assertThat(refused.getStatus().getErrorMessage()).contains("session.max-operations");
            // Closing one makes room again.
            client.service().CloseOperation(new TCloseOperationReq(first));
            execute(client, session, "SELECT 1");
        }
    }
}
