package io.sluice.server.thrift;

import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.Login;
import io.sluice.server.config.ServerConfig;
import io.sluice.server.session.Caller;
import io.sluice.server.tls.TlsContext;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import static java.util.Objects.requireNonNull;

/**
 * HS2 Thrift over TCP. One port serves both kinds of Hive client: the first byte tells a SASL PLAIN client (a SASL
 * START message) from a NOSASL one (a strict binary-protocol message). A thread serves each connection, up to
 * {@code server.thrift.binary.max-connections}; anything else on the port is logged and closed, and never disturbs
 * the other connections.
 */
public final class BinaryThriftServer
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(BinaryThriftServer.class);
    private static final int SASL_START = 0x01;
    private static final int BINARY_PROTOCOL_VERSION_BYTE = 0x80;

    private final ServerConfig config;
    private final TProcessor processor;
    private final LongConsumer connectionClosed;
    private final Authentication authentication;
    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    public BinaryThriftServer(ServerConfig config, TProcessor processor, LongConsumer connectionClosed, Authentication authentication, Optional<TlsContext> tls)
            throws IOException
    {
        this.config = requireNonNull(config, "config is null");
        this.processor = requireNonNull(processor, "processor is null");
        this.connectionClosed = requireNonNull(connectionClosed, "connectionClosed is null");
        this.authentication = requireNonNull(authentication, "authentication is null");
        this.serverSocket = tls.isPresent() ? tls.get().newServerSocket() : new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.binaryPort()), 128);
        this.connections = new ThreadPoolExecutor(0, config.maxConnections(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "sluice-thrift-connection");
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, "sluice-thrift-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port()
    {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop()
    {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            }
            catch (IOException e) {
                if (!closed) {
                    log.warn("Accepting a connection failed", e);
                }
                continue;
            }
            long id = connectionIds.incrementAndGet();
            try {
                connections.execute(() -> serve(socket, id));
            }
            catch (RejectedExecutionException e) {
                log.warn("Refusing connection from {}: {} connections are open (server.thrift.binary.max-connections)", socket.getRemoteSocketAddress(), config.maxConnections());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket, long connectionId)
    {
        sockets.add(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()));
            InputStream input = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            OutputStream output = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            TConfiguration configuration = new TConfiguration((int) config.maxFrameSize(), (int) config.maxFrameSize(), TConfiguration.DEFAULT_RECURSION_DEPTH);
            input.mark(1);
            int first = input.read();
            input.reset();
            TTransport transport;
            Login login;
            if (first == SASL_START) {
                SaslPlainServerTransport sasl = new SaslPlainServerTransport(configuration, input, output);
                login = sasl.negotiate(authentication, addressOf(socket));
                transport = sasl;
            }
            else if (first == BINARY_PROTOCOL_VERSION_BYTE && authentication.required()) {
                // NOSASL carries no password: with authentication on, a client must log in over SASL PLAIN.
                log.warn("Refusing a NOSASL connection from {}: authentication is on (auth.providers), connect with SASL PLAIN", socket.getRemoteSocketAddress());
                return;
            }
            else if (first == BINARY_PROTOCOL_VERSION_BYTE) {
                // NOSASL: the user comes with OpenSession.
                transport = new TIOStreamTransport(configuration, input, output);
                login = Login.of("", "none");
            }
            else {
                if (first >= 0) {
                    log.warn("Closing connection from {}: not a Hive Thrift client (first byte 0x{})", socket.getRemoteSocketAddress(), Integer.toHexString(first));
                }
                return;
            }
            socket.setSoTimeout(0);
            TProtocol protocol = new TBinaryProtocol(transport, config.maxFrameSize(), config.maxFrameSize());
            Caller caller = Caller.connection(login.user(), connectionId, addressOf(socket), login.groups(), login.roleScope());
            while (!closed) {
                CallContext.set(caller);
                try {
                    processor.process(protocol, protocol);
                }
                finally {
                    CallContext.clear();
                }
            }
        }
        catch (TTransportException e) {
            if (e.getType() != TTransportException.END_OF_FILE) {
                log.warn("Closing connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
        }
        catch (TException e) {
            log.warn("Closing connection from {}: malformed Thrift message: {}", socket.getRemoteSocketAddress(), e.getMessage());
        }
        catch (SSLException e) {
            log.warn("Closing connection from {}: TLS failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
        }
        catch (SocketException e) {
            log.debug("Connection from {} ended: {}", socket.getRemoteSocketAddress(), e.getMessage());
        }
        catch (IOException | RuntimeException e) {
            log.warn("Closing connection from {}", socket.getRemoteSocketAddress(), e);
        }
        finally {
            sockets.remove(socket);
            closeQuietly(socket);
            connectionClosed.accept(connectionId);
        }
    }

    private static void closeQuietly(Socket socket)
    {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close()
    {
        closed = true;
        try {
            serverSocket.close();
        }
        catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(BinaryThriftServer::closeQuietly);
        connections.shutdownNow();
    }

    private static String addressOf(Socket socket)
    {
        return socket.getInetAddress() == null ? "" : socket.getInetAddress().getHostAddress();
    }
}
