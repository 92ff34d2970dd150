package io.sluice.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the JDK's keytool: a PKCS12 key
 * store, the same key and certificate as PEM files, and a JKS trust store holding the certificate (what the Hive
 * driver's {@code sslTrustStore} reads).
 */
public record TestCertificates(Path directory, Path keyStore, Path certificate, Path privateKey, Path trustStore)
{
    public static final String PASSWORD = "changeit";

    /** Makes a new key pair and certificate in a new temporary folder. */
    public static TestCertificates create(String commonName)
    {
        try {
            Path directory = Files.createTempDirectory("sluice-tls");
            Path keyStore = directory.resolve("server.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            check(ClientProcesses.run(List.of(keytool, "-genkeypair", "-alias", "sluice", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=" + commonName, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD), null));
            Path certificate = directory.resolve("server.pem");
            check(ClientProcesses.run(List.of(keytool, "-exportcert", "-rfc", "-alias", "sluice", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString()), null));
            Path trustStore = directory.resolve("trust.jks");
            check(ClientProcesses.run(List.of(keytool, "-importcert", "-noprompt", "-alias", "sluice", "-file", certificate.toString(), "-storetype", "JKS",
                    "-keystore", trustStore.toString(), "-storepass", PASSWORD), null));
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream input = Files.newInputStream(keyStore)) {
                store.load(input, PASSWORD.toCharArray());
            }
            Key key = store.getKey("sluice", PASSWORD.toCharArray());
            Path privateKey = directory.resolve("server.key");
            Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
            return new TestCertificates(directory, keyStore, certificate, privateKey, trustStore);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (GeneralSecurityException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(ClientProcesses.Result result)
    {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("keytool failed: " + result.output());
        }
    }

    /** The Hive JDBC URL options that trust this certificate. */
    public String jdbcOptions()
    {
        return ";ssl=true;sslTrustStore=" + trustStore + ";trustStorePassword=" + PASSWORD;
    }
}
