package io.sluice.server.tls;

import io.sluice.server.config.Settings;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestCertificates;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code server.tls.*}: the binary port, Thrift HTTP and REST speak TLS with a key store; renewed key and certificate
 * files are picked up without a restart; bad settings stop the start with a message naming them.
 */
class TestTls
{
    private static final TestCertificates FIRST = TestCertificates.create("first.sluice.test");
    private static final TestCertificates SECOND = TestCertificates.create("second.sluice.test");
    private static final Path LIVE = live();
    /** A trust store with both certificates, so that each test passes whichever is served when it runs. */
    private static final String TRUST_BOTH = trustBoth();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.tls.enabled", "true")
            .with("server.tls.keystore.path", LIVE.toString())
            .with("server.tls.keystore.password", TestCertificates.PASSWORD)
            .with("server.tls.reload-interval", "50ms");

    private static Path live()
    {
        try {
            Path live = Files.createTempDirectory("sluice-tls-live").resolve("server.p12");
            Files.copy(FIRST.keyStore(), live);
            return live;
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyTransportSpeaksTls()
            throws Exception
    {
        for (TestClients client : TestClients.values()) {
            for (String url : List.of(SLUICE.binaryUrl("default"), SLUICE.httpUrl("default"))) {
                try (Connection connection = client.connect(url + TRUST_BOTH, "ann"); Statement statement = connection.createStatement()) {
                    assertThat(rows(statement, "SELECT 'over tls'")).containsExactly(List.of("over tls"));
                }
            }
        }
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(FIRST, SECOND)).build();
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        // Plain HTTP on the TLS port is no request at all.
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isInstanceOf(Exception.class);
        // A client that does not trust the certificate is refused in the handshake.
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + ";ssl=true", "ann").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart()
            throws Exception
    {
        assertThat(servedName()).isIn("CN=first.sluice.test", "CN=second.sluice.test");
        Path next = LIVE.resolveSibling("next.p12");
        Files.copy(SECOND.keyStore(), next, StandardCopyOption.REPLACE_EXISTING);
        Files.move(next, LIVE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(LIVE, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!servedName().equals("CN=second.sluice.test") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(servedName()).isEqualTo("CN=second.sluice.test");
        // A change that does not read keeps the last good key.
        Files.writeString(LIVE.resolveSibling("broken.p12"), "not a key store");
        Files.move(LIVE.resolveSibling("broken.p12"), LIVE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(LIVE, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        Thread.sleep(200);
        assertThat(servedName()).isEqualTo("CN=second.sluice.test");
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + TRUST_BOTH, "ann"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 3")).containsExactly(List.of("3"));
        }
    }

    @Test
    void badSettingsAreNamed()
    {
        assertThatThrownBy(() -> TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true")))).hasMessageContaining("server.tls.certificate and server.tls.private-key");
        assertThatThrownBy(() -> TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.certificate", FIRST.certificate().toString()))))
                .hasMessageContaining("server.tls.certificate needs server.tls.private-key");
        assertThatThrownBy(() -> TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.certificate", FIRST.certificate().toString(),
                "server.tls.private-key", FIRST.certificate().toString())))).hasMessageContaining("must hold one unencrypted PKCS#8 key");
        assertThatThrownBy(() -> TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.keystore.path", FIRST.keyStore().toString(),
                "server.tls.client-auth", "maybe")))).hasMessageContaining("server.tls.client-auth is none, want or need");
        assertThat(TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.certificate", FIRST.certificate().toString(),
                "server.tls.private-key", FIRST.privateKey().toString())))).isPresent();
        assertThat(TlsContext.from(Settings.of(Map.of()))).isEmpty();
    }

    @Test
    void clientCertificatesAreAskedForWhenNeeded()
            throws Exception
    {
        TlsContext tls = TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.keystore.path", FIRST.keyStore().toString(),
                "server.tls.keystore.password", TestCertificates.PASSWORD, "server.tls.client-auth", "need",
                "server.tls.truststore.path", SECOND.trustStore().toString(), "server.tls.truststore.password", TestCertificates.PASSWORD,
                "server.tls.truststore.type", "JKS"))).orElseThrow();
        assertThatThrownBy(() -> TlsContext.from(Settings.of(Map.of("server.tls.enabled", "true", "server.tls.keystore.path", FIRST.keyStore().toString(),
                "server.tls.client-auth", "want")))).hasMessageContaining("needs server.tls.truststore.path");
        try (java.net.ServerSocket server = tls.newServerSocket()) {
            server.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            Thread acceptor = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (java.net.Socket socket = server.accept()) {
                        ((SSLSocket) socket).startHandshake();
                        socket.getOutputStream().write(1);
                    }
                    catch (java.io.IOException ignored) {
                        // the refused client's handshake
                    }
                }
            });
            acceptor.start();
            // Without a certificate: refused in the handshake.
            assertThatThrownBy(() -> {
                try (SSLSocket socket = (SSLSocket) trusting(FIRST).getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                    socket.startHandshake();
                    if (socket.getInputStream().read() < 0) {
                        throw new java.io.EOFException("closed");
                    }
                }
            }).isInstanceOf(java.io.IOException.class);
            // With SECOND's certificate, which the trust store holds: served.
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(TlsContext.loadKeyStore(SECOND.keyStore(), TestCertificates.PASSWORD, "PKCS12"), TestCertificates.PASSWORD.toCharArray());
            SSLContext client = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TlsContext.loadKeyStore(FIRST.trustStore(), TestCertificates.PASSWORD, "JKS"));
            client.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", server.getLocalPort())) {
                socket.startHandshake();
                assertThat(socket.getInputStream().read()).isEqualTo(1);
            }
            acceptor.join(5_000);
        }
    }

    /** The subject of the certificate the binary port presents now. */
    private static String servedName()
            throws Exception
    {
        try (SSLSocket socket = (SSLSocket) trusting(FIRST, SECOND).getSocketFactory().createSocket("127.0.0.1", SLUICE.server().binaryPort())) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    private static String trustBoth()
    {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            for (TestCertificates certificate : List.of(FIRST, SECOND)) {
                try (InputStream input = Files.newInputStream(certificate.certificate())) {
                    store.setCertificateEntry(certificate.directory().getFileName().toString(),
                            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(input));
                }
            }
            Path file = Files.createTempDirectory("sluice-trust").resolve("both.jks");
            try (java.io.OutputStream output = Files.newOutputStream(file)) {
                store.store(output, TestCertificates.PASSWORD.toCharArray());
            }
            return ";ssl=true;sslTrustStore=" + file + ";trustStorePassword=" + TestCertificates.PASSWORD;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(TestCertificates... certificates)
            throws Exception
    {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (TestCertificates certificate : certificates) {
            try (InputStream input = Files.newInputStream(certificate.certificate())) {
                trust.setCertificateEntry(certificate.certificate().getParent().getFileName().toString(),
                        java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(input));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
