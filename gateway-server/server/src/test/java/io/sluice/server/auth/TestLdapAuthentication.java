package io.sluice.server.auth;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import io.sluice.server.config.Settings;
import io.sluice.server.testing.ClientProcesses;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestCertificates;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code auth.providers=ldap} against a real directory server (UnboundID's in-memory server, over LDAP and LDAPS): the
 * Hive and Kyuubi drivers, beeline and Node's hive-driver log in with directory passwords over the binary port and
 * Thrift HTTP, with Sluice's TLS and without; wrong passwords, unknown users, users outside the allowed groups and
 * names written to change the DN or filter all get the same answer.
 */
class TestLdapAuthentication
{
    private static final String BASE = "dc=example,dc=com";
    private static final TestCertificates CERTIFICATES = TestCertificates.create("localhost");
    private static final InMemoryDirectoryServer DIRECTORY = directory();

    /** Bind pattern, groups required, Sluice's TLS on (PEM files). */
    @RegisterExtension
    static final SluiceServerExtension TLS = new SluiceServerExtension()
            .with("auth.providers", "ldap")
            .with("auth.ldap.url", "ldap://127.0.0.1:" + DIRECTORY.getListenPort("ldap"))
            .with("auth.ldap.user-bind-pattern", "uid=${USER},ou=people," + BASE)
            .with("auth.ldap.group-base-dn", "ou=groups," + BASE)
            .with("auth.ldap.allowed-groups", "analysts")
            .with("auth.failed-login-max-delay", "10ms")
            .with("server.tls.enabled", "true")
            .with("server.tls.certificate", CERTIFICATES.certificate().toString())
            .with("server.tls.private-key", CERTIFICATES.privateKey().toString());

    /** Search-then-bind over LDAPS as a service account, Sluice without TLS. */
    @RegisterExtension
    static final SluiceServerExtension PLAIN = new SluiceServerExtension()
            .with("auth.providers", "ldap")
            .with("auth.ldap.url", "ldaps://localhost:" + DIRECTORY.getListenPort("ldaps"))
            .with("auth.ldap.trust-store", CERTIFICATES.trustStore().toString())
            .with("auth.ldap.trust-store-password", TestCertificates.PASSWORD)
            .with("auth.ldap.user-base-dn", "ou=people," + BASE)
            .with("auth.ldap.user-search-filter", "(uid=${USER})")
            .with("auth.ldap.bind-dn", "cn=service," + BASE)
            .with("auth.ldap.bind-password", "service-pw")
            .with("auth.failed-login-max-delay", "10ms");

    private static InMemoryDirectoryServer directory()
    {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(CERTIFICATES.keyStore().toFile(), TestCertificates.PASSWORD.toCharArray(), "PKCS12", "sluice"),
                    new TrustAllTrustManager());
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0),
                    InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0, serverSsl.createSSLServerSocketFactory(), null));
            config.addAdditionalBindCredentials("cn=service," + BASE, "service-pw");
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
            server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
            for (String user : List.of("alice", "bob", "carol")) {
                server.add("dn: uid=" + user + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + user, "cn: " + user, "sn: " + user,
                        "userPassword: " + user + "-pw");
            }
            server.add("dn: cn=analysts,ou=groups," + BASE, "objectClass: groupOfNames", "cn: analysts",
                    "member: uid=alice,ou=people," + BASE, "member: uid=bob,ou=people," + BASE);
            server.add("dn: cn=admins,ou=groups," + BASE, "objectClass: groupOfNames", "cn: admins", "member: uid=alice,ou=people," + BASE);
            server.startListening();
            return server;
        }
        catch (Exception e) {
            throw new IllegalStateException("Cannot start the directory server", e);
        }
    }

    @AfterAll
    static void stopDirectory()
    {
        DIRECTORY.shutDown(true);
    }

    private static String tlsBinary()
    {
        return TLS.binaryUrl("default") + CERTIFICATES.jdbcOptions();
    }

    private static String tlsHttp()
    {
        return TLS.httpUrl("default") + CERTIFICATES.jdbcOptions();
    }

    @Test
    void driversLogInOverTlsWithDirectoryPasswords()
            throws Exception
    {
        for (TestClients client : TestClients.values()) {
            for (String url : List.of(tlsBinary(), tlsHttp())) {
                try (Connection connection = client.connect(url, "alice", "alice-pw"); Statement statement = connection.createStatement()) {
                    assertThat(rows(statement, "SELECT 40 + 2")).containsExactly(List.of("42"));
                }
                try (Connection connection = client.connect(url, "bob", "bob-pw")) {
                    assertThat(connection.isValid(5)).isTrue();
                }
                boolean http = url.contains("transportMode=http");
                // carol's password is right, but she is in none of auth.ldap.allowed-groups.
                for (String[] wrong : List.of(new String[] {"alice", "bob-pw"}, new String[] {"alice", ""}, new String[] {"nobody", "x"}, new String[] {"carol", "carol-pw"},
                        new String[] {"*", "alice-pw"}, new String[] {"alice,ou=people", "alice-pw"}, new String[] {"alice)(uid=*", "alice-pw"})) {
                    assertThatThrownBy(() -> client.connect(url, wrong[0], wrong[1]).close())
                            .as("%s %s over %s", client, wrong[0], http ? "http" : "binary")
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(messages(e)).contains(http ? "401" : "authentication failed for user '" + wrong[0] + "'"));
                }
            }
        }
    }

    @Test
    void aClientWithoutTlsIsRefusedAndOthersAreServed()
            throws Exception
    {
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(TLS.binaryUrl("default"), "alice", "alice-pw").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(TLS.httpUrl("default"), "alice", "alice-pw").close()).isInstanceOf(SQLException.class);
        try (Connection connection = TestClients.HIVE_JDBC.connect(tlsBinary(), "bob", "bob-pw"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 7")).containsExactly(List.of("7"));
        }
    }

    @Test
    void beelineLogsInWithAndWithoutTls()
            throws Exception
    {
        for (String url : List.of(tlsBinary(), tlsHttp(), PLAIN.binaryUrl("default"), PLAIN.httpUrl("default"))) {
            String user = url.contains(String.valueOf(TLS.server().binaryPort())) || url.contains(String.valueOf(TLS.server().httpPort())) ? "alice" : "carol";
            ClientProcesses.Result result = ClientProcesses.beeline(List.of("-u", url, "-n", user, "-p", user + "-pw", "--outputformat=csv2", "-e", "SELECT 6 * 7 AS answer;"));
            assertThat(result.exitCode()).as(url + ": " + result.output()).isZero();
            assertThat(result.output()).contains("answer\n42\n");
        }
        ClientProcesses.Result refused = ClientProcesses.beeline(List.of("-u", tlsBinary(), "-n", "alice", "-p", "nope", "-e", "SELECT 1;"));
        assertThat(refused.output()).contains("authentication failed for user 'alice'").doesNotContain("nope");
    }

    @Test
    void searchThenBindOverLdaps()
            throws Exception
    {
        for (String url : List.of(PLAIN.binaryUrl("default"), PLAIN.httpUrl("default"))) {
            try (Connection connection = TestClients.KYUUBI_JDBC.connect(url, "carol", "carol-pw"); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT 1")).containsExactly(List.of("1"));
            }
            assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(url, "carol", "alice-pw").close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(url, "*", "carol-pw").close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void nodeHiveDriverLogsIn()
            throws Exception
    {
        ClientProcesses.Result result = ClientProcesses.nodeQuery(PLAIN.server().binaryPort(), "bob", "bob-pw", "SELECT 5 AS five");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("[{\"five\":5}]");
        ClientProcesses.Result refused = ClientProcesses.nodeQuery(PLAIN.server().binaryPort(), "bob", "wrong", "SELECT 5 AS five");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).doesNotContain("five");
        ClientProcesses.Result http = ClientProcesses.nodeQuery("http", PLAIN.server().httpPort(), Optional.empty(), "bob", "bob-pw", "SELECT 6 AS six");
        assertThat(http.exitCode()).as(http.output()).isZero();
        assertThat(http.output()).contains("[{\"six\":6}]");
        // Over Sluice's TLS, the certificate checked against its CA, on both transports.
        for (String transport : List.of("tcp", "http")) {
            int port = transport.equals("tcp") ? TLS.server().binaryPort() : TLS.server().httpPort();
            ClientProcesses.Result tls = ClientProcesses.nodeQuery(transport, port, Optional.of(CERTIFICATES.certificate()), "alice", "alice-pw", "SELECT 7 AS seven");
            assertThat(tls.exitCode()).as(transport + ": " + tls.output()).isZero();
            assertThat(tls.output()).contains("[{\"seven\":7}]");
            ClientProcesses.Result wrong = ClientProcesses.nodeQuery(transport, port, Optional.of(CERTIFICATES.certificate()), "alice", "bob-pw", "SELECT 7 AS seven");
            assertThat(wrong.exitCode()).isNotZero();
        }
    }

    @Test
    void groupsComeFromTheDirectoryAndAcceptedLoginsAreCachedBriefly()
            throws Exception
    {
        Map<String, String> settings = Map.of(
                "auth.ldap.url", "ldap://127.0.0.1:" + DIRECTORY.getListenPort("ldap"),
                "auth.ldap.user-bind-pattern", "uid=${USER},ou=people," + BASE,
                "auth.ldap.group-base-dn", "ou=groups," + BASE,
                "auth.ldap.cache-ttl", "300ms");
        try (LdapAuthenticator ldap = new LdapAuthenticator(Settings.of(settings))) {
            assertThat(ldap.password("alice", "alice-pw").orElseThrow().groups()).isEqualTo(Set.of("analysts", "admins"));
            assertThat(ldap.password("carol", "carol-pw").orElseThrow().groups()).isEmpty();
            DIRECTORY.modify("uid=bob,ou=people," + BASE, new Modification(ModificationType.REPLACE, "userPassword", "bob-new"));
            try {
                assertThat(ldap.password("bob", "bob-new")).isPresent();
                DIRECTORY.modify("uid=bob,ou=people," + BASE, new Modification(ModificationType.REPLACE, "userPassword", "bob-newer"));
                // Remembered for the cache's time, then asked again.
                assertThat(ldap.password("bob", "bob-new")).isPresent();
                Thread.sleep(400);
                assertThat(ldap.password("bob", "bob-new")).isEmpty();
                assertThat(ldap.password("bob", "bob-newer")).isPresent();
            }
            finally {
                DIRECTORY.modify("uid=bob,ou=people," + BASE, new Modification(ModificationType.REPLACE, "userPassword", "bob-pw"));
            }
        }
        // The short names of the settings work too.
        try (LdapAuthenticator ldap = new LdapAuthenticator(Settings.of(Map.of(
                "auth.ldap.url", "ldap://127.0.0.1:" + DIRECTORY.getListenPort("ldap"),
                "auth.ldap.search-base", "ou=people," + BASE,
                "auth.ldap.search-filter", "(uid=${USER})",
                "auth.ldap.group-base-dn", "ou=groups," + BASE,
                "auth.ldap.group-filter", "(member=${USER_DN})")))) {
            assertThat(ldap.password("alice", "alice-pw").orElseThrow().groups()).isEqualTo(Set.of("analysts", "admins"));
            assertThat(ldap.password("alice", "bob-pw")).isEmpty();
        }
        assertThat(LdapAuthenticator.escapeDnValue("a,b=c+d\"e\\f<g>h;i")).isEqualTo("a\\,b\\=c\\+d\\\"e\\\\f\\<g\\>h\\;i");
        assertThat(LdapAuthenticator.escapeDnValue("#lead ")).isEqualTo("\\#lead\\ ");
    }

    @Test
    void aDirectoryThatIsDownRefusesLoginsWithoutStoppingSluice()
            throws Exception
    {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LdapAuthenticator ldap = new LdapAuthenticator(Settings.of(Map.of("auth.ldap.url", "ldap://127.0.0.1:" + port,
                "auth.ldap.user-bind-pattern", "uid=${USER},ou=people," + BASE, "auth.ldap.timeout", "1s")))) {
            assertThat(ldap.password("alice", "alice-pw")).isEmpty();
        }
        assertThatThrownBy(() -> new LdapAuthenticator(Settings.of(Map.of("auth.ldap.url", "ldap://127.0.0.1:1")))).hasMessageContaining("auth.ldap.user-bind-pattern");
        assertThatThrownBy(() -> new LdapAuthenticator(Settings.of(Map.of("auth.ldap.url", "http://x", "auth.ldap.user-bind-pattern", "uid=${USER}"))))
                .hasMessageContaining("is not an LDAP URL");
        assertThatThrownBy(() -> new LdapAuthenticator(Settings.of(Map.of("auth.ldap.url", "ldap://127.0.0.1:1", "auth.ldap.user-bind-pattern", "uid=alice"))))
                .hasMessageContaining("does not contain ${USER}");
    }

    @Test
    void aThousandFailedLoginsInARowLeaveOthersServed()
            throws Exception
    {
        for (int i = 0; i < 1_000; i++) {
            assertThat(saslPlain(PLAIN.server().binaryPort(), "mallory", "guess" + i)).isEqualTo(3);
        }
        assertThat(PLAIN.server().authentication().guard().orElseThrow().remembered()).isLessThanOrEqualTo(10_000);
        assertThat(saslPlain(PLAIN.server().binaryPort(), "bob", "bob-pw")).isEqualTo(5);
        try (Connection connection = TestClients.HIVE_JDBC.connect(PLAIN.binaryUrl("default"), "bob", "bob-pw"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 9")).containsExactly(List.of("9"));
        }
    }

    /** A SASL PLAIN negotiation by hand: the status of the server's answer (5 COMPLETE, 3 BAD). */
    private static int saslPlain(int port, String user, String password)
            throws Exception
    {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.DataOutputStream output = new java.io.DataOutputStream(socket.getOutputStream());
            byte[] mechanism = "PLAIN".getBytes(StandardCharsets.UTF_8);
            output.writeByte(1);
            output.writeInt(mechanism.length);
            output.write(mechanism);
            byte[] response = ("\u0000" + user + "\u0000" + password).getBytes(StandardCharsets.UTF_8);
            output.writeByte(2);
            output.writeInt(response.length);
            output.write(response);
            output.flush();
            java.io.DataInputStream input = new java.io.DataInputStream(socket.getInputStream());
            int status = input.readUnsignedByte();
            byte[] payload = new byte[input.readInt()];
            input.readFully(payload);
            if (status == 3) {
                assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("authentication failed for user '" + user + "'");
            }
            return status;
        }
    }

    private static String messages(Throwable throwable)
    {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
        }
        return text.toString();
    }
}
