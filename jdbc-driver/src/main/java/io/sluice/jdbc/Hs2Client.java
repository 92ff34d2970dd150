package io.sluice.jdbc;

import io.sluice.jdbc.SluiceUrl.HostPort;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.hive.service.rpc.thrift.TCloseSessionReq;
import org.apache.hive.service.rpc.thrift.TOpenSessionReq;
import org.apache.hive.service.rpc.thrift.TOpenSessionResp;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TStatus;
import org.apache.hive.service.rpc.thrift.TStatusCode;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TSaslClientTransport;
import org.apache.thrift.transport.TSocket;
import org.apache.thrift.transport.TTransport;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.Sasl;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One HS2 session over one Thrift connection. Thrift's client is a strict request/answer channel, so every call
 * holds this client's lock for its round trip: a statement waiting for its result releases it between status polls,
 * which is when another thread's {@code cancel} gets through.
 */
final class Hs2Client
        implements AutoCloseable
{
    /** The newest protocol hive-service-rpc 4.0.1 knows; the server answers with the one both speak. */
    private static final TProtocolVersion CLIENT_PROTOCOL = TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V11;

    private final TTransport transport;
    private final TCLIService.Client client;
    private final TSessionHandle session;
    private final TProtocolVersion protocol;
    private final HostPort host;
    private final Map<String, String> serverConfiguration;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    /** The binary transport's socket; null over HTTP. */
    private Socket socket;

    private Hs2Client(TTransport transport, TCLIService.Client client, TSessionHandle session, TProtocolVersion protocol, HostPort host, Map<String, String> serverConfiguration)
    {
        this.transport = transport;
        this.client = client;
        this.session = session;
        this.protocol = protocol;
        this.host = host;
        this.serverConfiguration = serverConfiguration;
    }

    /** Opens a session on the first host that takes it; hosts that cannot be reached are passed over in order. */
    static Hs2Client open(SluiceUrl url)
            throws SQLException
    {
        List<String> failures = new ArrayList<>();
        for (HostPort host : url.hosts()) {
            Connected connected;
            try {
                connected = connect(url, host);
            }
            catch (IOException | GeneralSecurityException e) {
                failures.add(host + ": " + Errors.describe(e));
                continue;
            }
            // Reached: a refusal from here on (credentials, database) is the server's answer, not a dead host.
            TTransport transport;
            try {
                transport = connected.open();
            }
            catch (TException e) {
                throw Errors.connectionRefused(host, e);
            }
            Hs2Client client = openSession(url, host, transport);
            client.socket = connected.socket;
            return client;
        }
        throw new SQLNonTransientConnectionException("Could not connect to Sluice at " + String.join(", ", failures), "08001");
    }

    /** A host reached over TCP (and TLS), whose Thrift transport is not open yet. */
    private interface Opener
    {
        TTransport open()
                throws TException;
    }

    private static final class Connected
    {
        private final Opener opener;
        private final Socket socket;

        Connected(Opener opener, Socket socket)
        {
            this.opener = opener;
            this.socket = socket;
        }

        TTransport open()
                throws TException
        {
            return opener.open();
        }
    }

    private static Hs2Client openSession(SluiceUrl url, HostPort host, TTransport transport)
            throws SQLException
    {
        TCLIService.Client client = new TCLIService.Client(new TBinaryProtocol(transport));
        TOpenSessionReq request = new TOpenSessionReq(CLIENT_PROTOCOL);
        String user = url.property(SluiceUrl.USER, "anonymous");
        // The transport carried the credentials (SASL PLAIN, or the HTTP Authorization header): the password is not
        // sent again in the request.
        request.setUsername(user);
        Map<String, String> configuration = new HashMap<>();
        configuration.put("use:database", url.database());
        url.sessionSettings().forEach((key, value) -> configuration.put("set:hiveconf:" + key, value));
        request.setConfiguration(configuration);
        TOpenSessionResp response;
        try {
            response = client.OpenSession(request);
        }
        catch (TException e) {
            transport.close();
            throw Errors.connectionRefused(host, e);
        }
        try {
            check(response.getStatus());
        }
        catch (SQLException e) {
            transport.close();
            throw e;
        }
        Map<String, String> serverConfiguration = response.isSetConfiguration() ? Map.copyOf(response.getConfiguration()) : Map.of();
        return new Hs2Client(transport, client, response.getSessionHandle(), response.getServerProtocolVersion(), host, serverConfiguration);
    }

    private static String password(SluiceUrl url)
    {
        String password = url.property(SluiceUrl.PASSWORD);
        if ((password == null || password.isEmpty()) && url.property(SluiceUrl.TOKEN) != null && !url.http()) {
            return url.property(SluiceUrl.TOKEN);
        }
        return password;
    }

    private static Connected connect(SluiceUrl url, HostPort host)
            throws IOException, GeneralSecurityException
    {
        TConfiguration configuration = TConfiguration.custom()
                .setMaxMessageSize(Integer.MAX_VALUE)
                .setMaxFrameSize(Integer.MAX_VALUE)
                .build();
        int connectTimeout = url.intProperty(SluiceUrl.CONNECT_TIMEOUT, 10_000);
        int socketTimeout = url.intProperty(SluiceUrl.SOCKET_TIMEOUT, 0);
        if (url.http()) {
            TTransport transport = httpTransport(url, host, configuration, connectTimeout, socketTimeout);
            return new Connected(() -> transport, null);
        }
        Socket socket = url.ssl() ? sslContext(url).getSocketFactory().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host.host(), host.port()), connectTimeout);
            socket.setSoTimeout(socketTimeout);
            if (socket instanceof SSLSocket) {
                ((SSLSocket) socket).startHandshake();
            }
        }
        catch (IOException e) {
            socket.close();
            throw e;
        }
        return new Connected(() -> {
            TSocket raw = new TSocket(socket);
            // Large fetches: the server's own frame limit is the one that counts.
            raw.getConfiguration().setMaxMessageSize(configuration.getMaxMessageSize());
            raw.getConfiguration().setMaxFrameSize(configuration.getMaxFrameSize());
            String user = url.property(SluiceUrl.USER, "anonymous");
            String password = password(url);
            String secret = password == null ? "" : password;
            TSaslClientTransport sasl;
            try {
                sasl = new TSaslClientTransport("PLAIN", null, "sluice", host.host(), Map.of(Sasl.QOP, "auth"),
                        callbacks -> plainCallbacks(callbacks, user, secret), raw);
            }
            catch (javax.security.sasl.SaslException e) {
                raw.close();
                throw new org.apache.thrift.transport.TTransportException("SASL PLAIN is not available in this JVM: " + e.getMessage(), e);
            }
            try {
                sasl.open();
            }
            catch (TException e) {
                sasl.close();
                throw e;
            }
            return sasl;
        }, socket);
    }

    private static void plainCallbacks(Callback[] callbacks, String user, String password)
            throws UnsupportedCallbackException
    {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback) {
                ((NameCallback) callback).setName(user);
            }
            else if (callback instanceof PasswordCallback) {
                ((PasswordCallback) callback).setPassword(password.toCharArray());
            }
            else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static TTransport httpTransport(SluiceUrl url, HostPort host, TConfiguration configuration, int connectTimeout, int socketTimeout)
            throws GeneralSecurityException, IOException
    {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofMillis(connectTimeout == 0 ? Long.MAX_VALUE / 2 : connectTimeout));
        if (url.ssl()) {
            builder.sslContext(sslContext(url));
        }
        HttpClient client = builder.build();
        String path = url.property(SluiceUrl.HTTP_PATH, "cliservice");
        URI uri = URI.create((url.ssl() ? "https" : "http") + "://" + host + "/" + (path.startsWith("/") ? path.substring(1) : path));
        String authorization;
        if (url.property(SluiceUrl.TOKEN) != null) {
            authorization = "Bearer " + url.property(SluiceUrl.TOKEN);
        }
        else {
            String credentials = url.property(SluiceUrl.USER, "anonymous") + ":" + url.property(SluiceUrl.PASSWORD, "");
            authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }
        HttpTransport transport = new HttpTransport(client, uri, authorization, socketTimeout == 0 ? null : Duration.ofMillis(socketTimeout), configuration);
        // Reach the server before the session opens, so that a dead host is passed over like a binary one.
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(host.host(), host.port()), connectTimeout);
        }
        return transport;
    }

    private static SSLContext sslContext(SluiceUrl url)
            throws GeneralSecurityException, IOException
    {
        String trustStore = url.property(SluiceUrl.SSL_TRUST_STORE);
        if (trustStore == null) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(url.property(SluiceUrl.SSL_TRUST_STORE_TYPE, KeyStore.getDefaultType()));
        String password = url.property(SluiceUrl.SSL_TRUST_STORE_PASSWORD);
        try (InputStream input = Files.newInputStream(Path.of(trustStore))) {
            store.load(input, password == null ? null : password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A Thrift call made under this client's lock. */
    interface Call<T>
    {
        T call(TCLIService.Client client, TSessionHandle session)
                throws TException;
    }

    <T> T call(Call<T> call)
            throws SQLException
    {
        if (closed) {
            throw new SQLNonTransientConnectionException("The connection is closed", "08003");
        }
        lock.lock();
        try {
            return call.call(client, session);
        }
        catch (TException e) {
            throw new SQLNonTransientConnectionException("Lost the connection to Sluice at " + host + ": " + Errors.describe(e), "08S01", e);
        }
        finally {
            lock.unlock();
        }
    }

    /** Like {@link #call}, but gives up waiting for the connection after the timeout (for {@code isValid}). */
    <T> T tryCall(Call<T> call, long timeoutMillis)
            throws SQLException
    {
        boolean locked;
        try {
            locked = lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted", "HY008", e);
        }
        if (!locked) {
            throw new SQLTimeoutException("The connection stayed busy for " + timeoutMillis + " ms", "HYT00");
        }
        try {
            return call(call);
        }
        finally {
            lock.unlock();
        }
    }

    /** Throws the server's error, with its SQLSTATE and error code, unless the status is a success. */
    static void check(TStatus status)
            throws SQLException
    {
        if (status.getStatusCode() == TStatusCode.SUCCESS_STATUS || status.getStatusCode() == TStatusCode.SUCCESS_WITH_INFO_STATUS
                || status.getStatusCode() == TStatusCode.STILL_EXECUTING_STATUS) {
            return;
        }
        throw Errors.fromServer(status.getErrorMessage(), status.getSqlState(), status.getErrorCode());
    }

    /** How long a call waits for the server's answer, 0 for as long as it takes (the binary transport only). */
    void setNetworkTimeout(int milliseconds)
            throws SQLException
    {
        if (socket == null) {
            throw Errors.notSupported("Connection.setNetworkTimeout over the HTTP transport (use socketTimeout in the URL)");
        }
        try {
            socket.setSoTimeout(milliseconds);
        }
        catch (IOException e) {
            throw new SQLNonTransientConnectionException("Cannot set the network timeout: " + e.getMessage(), "08S01", e);
        }
    }

    TProtocolVersion protocol()
    {
        return protocol;
    }

    HostPort host()
    {
        return host;
    }

    Map<String, String> serverConfiguration()
    {
        return serverConfiguration;
    }

    boolean isClosed()
    {
        return closed;
    }

    @Override
    public void close()
            throws SQLException
    {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                check(client.CloseSession(new TCloseSessionReq(session)).getStatus());
            }
            catch (TException e) {
                // The session dies with the connection on the server's side.
            }
        }
        finally {
            transport.close();
            lock.unlock();
        }
    }
}
