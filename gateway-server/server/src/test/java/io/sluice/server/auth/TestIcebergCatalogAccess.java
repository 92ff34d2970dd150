package io.sluice.server.auth;

import io.sluice.server.testing.SluiceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With authentication on, the Iceberg REST catalog answers the engines on Sluice's host without credentials and
 * anyone else only with an administrator's.
 */
class TestIcebergCatalogAccess
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("server.host", "0.0.0.0")
            .with("auth.providers", "password-file")
            .with("auth.password-file.path", passwords().toString())
            .with("auth.admin-users", "root");

    private static Path passwords()
    {
        try {
            Path file = Files.createTempDirectory("sluice-iceberg-auth").resolve("passwords");
            PasswordFile.setPassword(file, "root", "root-pw");
            PasswordFile.setPassword(file, "alice", "alice-pw");
            return file;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void remoteCallersNeedAnAdministrator()
            throws Exception
    {
        assertThat(get("127.0.0.1", null).statusCode()).isEqualTo(200);
        Optional<String> address = nonLoopbackAddress();
        // A machine without a network interface has no other address to call from; CI machines have one.
        assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to call the catalog from");
        HttpResponse<String> anonymous = get(address.get(), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("NotAuthorizedException");
        assertThat(get(address.get(), basic("alice", "alice-pw")).statusCode()).isEqualTo(403);
        assertThat(get(address.get(), basic("root", "wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> admin = get(address.get(), basic("root", "root-pw"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("defaults");
    }

    private static Optional<String> nonLoopbackAddress()
            throws Exception
    {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> get(String host, String authorization)
            throws Exception
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + SLUICE.server().restPort() + "/iceberg/v1/config")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password)
    {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
