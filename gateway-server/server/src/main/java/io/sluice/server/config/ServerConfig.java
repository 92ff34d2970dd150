package io.sluice.server.config;

import java.nio.file.Path;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Where and how the server listens. Ports follow Kyuubi's, so that migrating clients change only the host;
 * port 0 picks a free port (tests).
 *
 * @param host the address every listener binds to ({@code server.host})
 * @param binaryPort HS2 Thrift binary port ({@code server.thrift.binary.port})
 * @param httpPort HS2 Thrift HTTP port ({@code server.thrift.http.port})
 * @param httpPath HS2 Thrift HTTP path ({@code server.thrift.http.path})
 * @param restPort REST API port ({@code server.rest.port})
 * @param maxFrameSize the largest Thrift message or HTTP request accepted ({@code server.thrift.max-frame-size})
 * @param maxConnections binary connections served at once; more are refused ({@code server.thrift.binary.max-connections})
 * @param handshakeTimeout how long a new binary connection may take to authenticate ({@code server.thrift.binary.handshake-timeout})
 * @param serverName what {@code GetInfo(CLI_SERVER_NAME)} answers ({@code server.info.server-name})
 * @param dbmsName what {@code GetInfo(CLI_DBMS_NAME)} answers ({@code server.info.dbms-name})
 * @param dbmsVersion what {@code GetInfo(CLI_DBMS_VER)} answers ({@code server.info.dbms-version})
 * @param maxIdentifierLength what {@code GetInfo} answers for the longest identifier, column, table, schema and
 *     catalog name ({@code server.info.max-identifier-length})
 * @param dataDirectory where engines and the metadata store keep their data ({@code server.data-directory})
 */
public record ServerConfig(
        String host,
        int binaryPort,
        int httpPort,
        String httpPath,
        int restPort,
        long maxFrameSize,
        int maxConnections,
        Duration handshakeTimeout,
        String serverName,
        String dbmsName,
        String dbmsVersion,
        int maxIdentifierLength,
        Path dataDirectory)
{
    public static final String HOST = "server.host";
    public static final String BINARY_PORT = "server.thrift.binary.port";
    public static final String HTTP_PORT = "server.thrift.http.port";
    public static final String HTTP_PATH = "server.thrift.http.path";
    public static final String REST_PORT = "server.rest.port";
    public static final String MAX_FRAME_SIZE = "server.thrift.max-frame-size";
    public static final String MAX_CONNECTIONS = "server.thrift.binary.max-connections";
    public static final String HANDSHAKE_TIMEOUT = "server.thrift.binary.handshake-timeout";
    public static final String SERVER_NAME = "server.info.server-name";
    public static final String DBMS_NAME = "server.info.dbms-name";
    public static final String DBMS_VERSION = "server.info.dbms-version";
    public static final String MAX_IDENTIFIER_LENGTH = "server.info.max-identifier-length";
    public static final String DATA_DIRECTORY = "server.data-directory";

    public ServerConfig
    {
        requireNonNull(host, "host is null");
        requireNonNull(httpPath, "httpPath is null");
        requireNonNull(handshakeTimeout, "handshakeTimeout is null");
        requireNonNull(serverName, "serverName is null");
        requireNonNull(dbmsName, "dbmsName is null");
        requireNonNull(dbmsVersion, "dbmsVersion is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
    }

    public static ServerConfig from(Settings settings)
    {
        String httpPath = settings.getString(HTTP_PATH, "cliservice").trim();
        return new ServerConfig(
                settings.getString(HOST, "127.0.0.1"),
                settings.getInt(BINARY_PORT, 10009, 0, 65535),
                settings.getInt(HTTP_PORT, 10010, 0, 65535),
                httpPath.startsWith("/") ? httpPath : "/" + httpPath,
                settings.getInt(REST_PORT, 10099, 0, 65535),
                settings.getDataSize(MAX_FRAME_SIZE, 256L << 20, 1 << 10, Integer.MAX_VALUE),
                settings.getInt(MAX_CONNECTIONS, 1000, 1, 100_000),
                settings.getDuration(HANDSHAKE_TIMEOUT, Duration.ofSeconds(30)),
                settings.getString(SERVER_NAME, "Sluice"),
                settings.getString(DBMS_NAME, "Sluice"),
                settings.getString(DBMS_VERSION, SluiceVersion.VERSION),
                settings.getInt(MAX_IDENTIFIER_LENGTH, 128, 1, 65535),
                Path.of(settings.getString(DATA_DIRECTORY, "var")));
    }
}
