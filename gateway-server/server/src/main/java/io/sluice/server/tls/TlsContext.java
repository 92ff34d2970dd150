package io.sluice.server.tls;

import io.sluice.server.config.Settings;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * The server's TLS ({@code server.tls.enabled=true}): a certificate chain and private key from PEM files
 * ({@code server.tls.certificate}, {@code server.tls.private-key}, an unencrypted PKCS#8 key) or from a keystore
 * ({@code server.tls.keystore.path}, {@code .password}, {@code .type}, PKCS12 by default). The files are looked at
 * again at most every {@code server.tls.reload-interval} (10s) on new connections and reloaded when they changed, so
 * a renewed certificate needs no restart; a change that does not read keeps the last good one. Client certificates:
 * {@code server.tls.client-auth} {@code none} (default), {@code want} or {@code need}, checked against
 * {@code server.tls.truststore.path} (and {@code .password}).
 */
public final class TlsContext
{
    public static final String PREFIX = "server.tls.";
    private static final Logger log = LoggerFactory.getLogger(TlsContext.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /** Whether clients present certificates. */
    public enum ClientAuth
    {
        NONE, WANT, NEED
    }

    private final SSLContext context;
    private final ClientAuth clientAuth;

    private TlsContext(SSLContext context, ClientAuth clientAuth)
    {
        this.context = requireNonNull(context, "context is null");
        this.clientAuth = requireNonNull(clientAuth, "clientAuth is null");
    }

    /** The TLS the settings ask for, or empty when {@code server.tls.enabled} is not true. */
    public static Optional<TlsContext> from(Settings settings)
    {
        if (!Boolean.parseBoolean(settings.getString(PREFIX + "enabled", "false"))) {
            return Optional.empty();
        }
        String clientAuthText = settings.getString(PREFIX + "client-auth", "none").strip().toUpperCase(Locale.ROOT);
        ClientAuth clientAuth;
        try {
            clientAuth = ClientAuth.valueOf(clientAuthText);
        }
        catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, format("server.tls.client-auth is none, want or need, not '%s'", clientAuthText.toLowerCase(Locale.ROOT)));
        }
        String trustStore = settings.getString(PREFIX + "truststore.path", null);
        if (clientAuth != ClientAuth.NONE && (trustStore == null || trustStore.isBlank())) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "server.tls.client-auth=" + clientAuthText.toLowerCase(Locale.ROOT) + " needs server.tls.truststore.path, "
                    + "the CAs client certificates are checked against");
        }
        KeySource source = KeySource.from(settings);
        ReloadingKeyManager keys = new ReloadingKeyManager(source, settings.getDuration(PREFIX + "reload-interval", java.time.Duration.ofSeconds(10)).toNanos());
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManagerFactory trust = null;
            if (trustStore != null && !trustStore.isBlank()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(loadKeyStore(Path.of(trustStore), settings.getString(PREFIX + "truststore.password", ""), settings.getString(PREFIX + "truststore.type", "PKCS12")));
            }
            context.init(new KeyManager[] {keys}, trust == null ? null : trust.getTrustManagers(), null);
            return Optional.of(new TlsContext(context, clientAuth));
        }
        catch (GeneralSecurityException | IOException e) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    public SSLContext context()
    {
        return context;
    }

    public ClientAuth clientAuth()
    {
        return clientAuth;
    }

    /** An unbound TLS server socket with the client-certificate policy applied. */
    public ServerSocket newServerSocket()
            throws IOException
    {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        socket.setNeedClientAuth(clientAuth == ClientAuth.NEED);
        if (clientAuth == ClientAuth.WANT) {
            socket.setWantClientAuth(true);
        }
        return socket;
    }

    static KeyStore loadKeyStore(Path path, String password, String type)
            throws IOException, GeneralSecurityException
    {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream input = Files.newInputStream(path)) {
            store.load(input, password == null ? null : password.toCharArray());
        }
        return store;
    }

    /** Where the key and certificates come from, and whether they changed. */
    private record KeySource(List<Path> files, Loader loader)
    {
        interface Loader
        {
            X509KeyManager load()
                    throws IOException, GeneralSecurityException;
        }

        static KeySource from(Settings settings)
        {
            String certificate = settings.getString(PREFIX + "certificate", null);
            String privateKey = settings.getString(PREFIX + "private-key", null);
            String keystore = settings.getString(PREFIX + "keystore.path", null);
            boolean pem = certificate != null && !certificate.isBlank();
            boolean store = keystore != null && !keystore.isBlank();
            if (pem == store) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "server.tls.enabled=true needs server.tls.certificate and server.tls.private-key (PEM files) "
                        + "or server.tls.keystore.path, one of them");
            }
            if (pem && (privateKey == null || privateKey.isBlank())) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "server.tls.certificate needs server.tls.private-key");
            }
            if (pem) {
                Path certificatePath = Path.of(certificate.strip());
                Path keyPath = Path.of(privateKey.strip());
                return new KeySource(List.of(certificatePath, keyPath), () -> keyManager(pemKeyStore(certificatePath, keyPath), new char[0]));
            }
            Path storePath = Path.of(keystore.strip());
            String password = settings.getString(PREFIX + "keystore.password", "");
            String type = settings.getString(PREFIX + "keystore.type", "PKCS12");
            return new KeySource(List.of(storePath), () -> keyManager(loadKeyStore(storePath, password, type), password.toCharArray()));
        }

        List<FileTime> stamps()
        {
            List<FileTime> stamps = new ArrayList<>();
            for (Path file : files) {
                try {
                    stamps.add(Files.getLastModifiedTime(file));
                }
                catch (IOException e) {
                    stamps.add(FileTime.fromMillis(-1));
                }
            }
            return stamps;
        }
    }

    private static X509KeyManager keyManager(KeyStore store, char[] password)
            throws GeneralSecurityException
    {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        for (KeyManager manager : factory.getKeyManagers()) {
            if (manager instanceof X509KeyManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the key store holds no X.509 key");
    }

    /** A key store of one entry from a PEM certificate chain and an unencrypted PKCS#8 private key. */
    static KeyStore pemKeyStore(Path certificateFile, Path keyFile)
            throws IOException, GeneralSecurityException
    {
        List<Certificate> chain = new ArrayList<>();
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        for (byte[] der : pemBlocks(certificateFile, "CERTIFICATE")) {
            chain.add(certificates.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(format("%s (server.tls.certificate) holds no PEM certificate", certificateFile));
        }
        List<byte[]> keys = pemBlocks(keyFile, "PRIVATE KEY");
        if (keys.size() != 1) {
            throw new GeneralSecurityException(format("%s (server.tls.private-key) must hold one unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----; "
                    + "convert others with openssl pkcs8 -topk8 -nocrypt)", keyFile));
        }
        String algorithm = ((X509Certificate) chain.get(0)).getPublicKey().getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(keys.get(0)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sluice", key, new char[0], chain.toArray(Certificate[]::new));
        return store;
    }

    private static List<byte[]> pemBlocks(Path file, String type)
            throws IOException
    {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return blocks;
    }

    /** The current key manager, replaced when the files change; TLS handshakes ask it for the key. */
    private static final class ReloadingKeyManager
            extends X509ExtendedKeyManager
    {
        private final KeySource source;
        private final long intervalNanos;
        private volatile X509KeyManager current;
        private volatile List<FileTime> stamps;
        private volatile long checkedNanos;

        ReloadingKeyManager(KeySource source, long intervalNanos)
        {
            this.source = source;
            this.intervalNanos = intervalNanos;
            this.stamps = source.stamps();
            try {
                this.current = source.loader().load();
            }
            catch (IOException | GeneralSecurityException e) {
                throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Cannot read the TLS key and certificate: " + e.getMessage(), e);
            }
            this.checkedNanos = System.nanoTime();
        }

        private X509KeyManager keys()
        {
            long now = System.nanoTime();
            if (now - checkedNanos >= intervalNanos) {
                synchronized (this) {
                    if (now - checkedNanos >= intervalNanos) {
                        checkedNanos = now;
                        List<FileTime> latest = source.stamps();
                        if (!latest.equals(stamps)) {
                            try {
                                current = source.loader().load();
                                stamps = latest;
                                log.info("TLS key and certificate reloaded from {}", source.files());
                            }
                            catch (IOException | GeneralSecurityException | RuntimeException e) {
                                // Said once per change: the files are read again when they change again.
                                stamps = latest;
                                log.warn("TLS key and certificate in {} changed but do not read; keeping the previous ones: {}", source.files(), e.getMessage());
                            }
                        }
                    }
                }
            }
            return current;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers)
        {
            return keys().getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket)
        {
            return keys().chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers)
        {
            return keys().getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket)
        {
            return keys().chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine)
        {
            X509KeyManager keys = keys();
            return keys instanceof X509ExtendedKeyManager extended ? extended.chooseEngineServerAlias(keyType, issuers, engine) : keys.chooseServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias)
        {
            return current.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias)
        {
            return current.getPrivateKey(alias);
        }
    }
}
