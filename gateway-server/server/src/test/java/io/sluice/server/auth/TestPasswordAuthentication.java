package io.sluice.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code auth.providers=password-file}: the Hive and Kyuubi JDBC drivers log in with bcrypt-checked passwords over the
 * binary port (SASL PLAIN) and Thrift HTTP (Basic); wrong passwords and unknown users get the same answer; NOSASL is
 * refused; REST asks for Basic credentials and takes the caller from them; a flood of failures keeps others served.
 */
class TestPasswordAuthentication
{
    private static final Path PASSWORDS = passwords();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("auth.providers", "password-file")
            .with("auth.password-file.path", PASSWORDS.toString())
            .with("auth.failed-login-max-delay", "20ms");

    private static Path passwords()
    {
        try {
            Path file = Files.createTempDirectory("sluice-auth").resolve("passwords");
            PasswordFile.setPassword(file, "alice", "s3cret-Alice");
            PasswordFile.setPassword(file, "bob", "b0b's password");
            PasswordFile.setPassword(file, "bob", "b0b's new password");
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noneListensOnLoopbackOnlyUnlessToldAndUnknownProvidersAreRefused()
    {
        assertThatThrownBy(() -> Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of()), "0.0.0.0"))
                .hasMessageContaining("listens on loopback only, not on 0.0.0.0 (server.host), unless auth.none.allow-remote=true");
        assertThat(Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of("auth.none.allow-remote", "true")), "0.0.0.0").required()).isFalse();
        assertThat(Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of()), "127.0.0.1").required()).isFalse();
        assertThatThrownBy(() -> Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of("auth.providers", "kerberos")), "127.0.0.1"))
                .hasMessageContaining("Unknown provider 'kerberos' in auth.providers");
        assertThatThrownBy(() -> Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of("auth.providers", "ldap")), "127.0.0.1"))
                .hasMessageContaining("auth.providers=ldap needs auth.ldap.url");
        assertThatThrownBy(() -> Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of("auth.providers", "password-file",
                "auth.password-file.path", "/no/such/passwords")), "127.0.0.1")).hasMessageContaining("bin/sluice passwd");
        // With a password file, any host: nobody gets in without a password.
        assertThat(Authentication.from(io.sluice.server.config.Settings.of(java.util.Map.of("auth.providers", "password-file",
                "auth.password-file.path", PASSWORDS.toString())), "0.0.0.0").required()).isTrue();
    }

    @Test
    void thePasswordFileIsBcryptAndOwnerOnly()
            throws IOException
    {
        List<String> lines = Files.readAllLines(PASSWORDS);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("alice:\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        assertThat(String.join("\n", lines)).doesNotContain("s3cret", "b0b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(PASSWORDS))).isEqualTo("rw-------");
        assertThatThrownBy(() -> PasswordFile.setPassword(PASSWORDS, "x'; DROP", "p")).hasMessageContaining("Invalid user name");
    }

    @Test
    void driversLogInWithTheirPasswordsOnly()
            throws Exception
    {
        for (TestClients client : TestClients.values()) {
            for (String url : List.of(SLUICE.binaryUrl("default"), SLUICE.httpUrl("default"))) {
                try (Connection connection = client.connect(url, "alice", "s3cret-Alice"); Statement statement = connection.createStatement()) {
                    assertThat(rows(statement, "SELECT 1")).containsExactly(List.of("1"));
                    // The authenticated user is the session's user: a job submitted is alice's.
                    String jobId = rows(statement, "SUBMIT JOB mine AS SELECT 1").get(0).get(0);
                    assertThat(rows(statement, "SHOW JOBS")).anySatisfy(row -> assertThat(row.subList(0, 1).get(0) + " " + row.get(3)).isEqualTo(jobId + " alice"));
                }
                try (Connection connection = client.connect(url, "bob", "b0b's new password")) {
                    assertThat(connection.isClosed()).isFalse();
                }
                String binaryOrHttp = url.contains("transportMode=http") ? "http" : "binary";
                for (String[] wrong : List.of(new String[] {"alice", "wrong"}, new String[] {"alice", ""}, new String[] {"nobody", "s3cret-Alice"},
                        new String[] {"bob", "b0b's password"})) {
                    assertThatThrownBy(() -> client.connect(url, wrong[0], wrong[1]).close())
                            .as("%s %s over %s", client, wrong[0], binaryOrHttp)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(messages(e))
                                    // Over HTTP the drivers show only the status of a refused login (its body is checked below).
                                    .contains(binaryOrHttp.equals("http") ? "401" : "authentication failed for user '" + wrong[0] + "'")
                                    .doesNotContain(wrong[1].isEmpty() ? "\u0000" : wrong[1]));
                }
            }
        }
        // NOSASL carries no password: refused.
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default") + ";auth=noSasl", "alice", "s3cret-Alice").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void restTakesTheCallerFromBasicCredentials()
            throws Exception
    {
        HttpClient http = HttpClient.newHttpClient();
        URI jobs = URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/job");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(jobs).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"sluice\"");
        assertThat(JSON.readTree(anonymous.body()).get("sqlState").asText()).isEqualTo("28000");
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(jobs).header("Authorization", basic("alice", "nope")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("detail").asText()).isEqualTo("authentication failed for user 'alice'");
        // The body's "user" is not who the caller is.
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(jobs).header("Authorization", basic("alice", "s3cret-Alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"rest_job\", \"statement\": \"SELECT 1\", \"user\": \"bob\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode job = JSON.readTree(submitted.body());
        assertThat(job.get("user").asText()).isEqualTo("alice");
        HttpResponse<String> bobs = http.send(HttpRequest.newBuilder(URI.create(jobs + "/" + job.get("jobId").asText() + "?user=alice"))
                .header("Authorization", basic("bob", "b0b's new password")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bobs.statusCode()).isEqualTo(404);
        HttpResponse<String> thrift = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().httpPort() + "/cliservice"))
                .header("Authorization", basic("alice", "nope")).POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(thrift.statusCode()).isEqualTo(401);
        assertThat(thrift.body()).isEqualTo("authentication failed for user 'alice'\n");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + "/api/v1/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aFloodOfFailuresKeepsOthersServedAndGrowsNoMemory()
            throws Exception
    {
        LoginGuard guard = new LoginGuard(java.time.Duration.ofMillis(1));
        for (int i = 0; i < 20_000; i++) {
            assertThat(guard.attempt("attacker" + i, "10.0.0.1", java.util.Optional::empty)).isEmpty();
        }
        assertThat(guard.remembered()).isEqualTo(10_000);
        assertThat(guard.attempt("good", "10.0.0.2", () -> java.util.Optional.of(Login.of("good", "test")))).isPresent();
        assertThat(guard.remembered()).isEqualTo(10_000);

        // Failed logins in a row through the binary port (each costs a bcrypt check, ~0.1 s here: the 20,000 above are
        // the guard's own); alice still gets in, at once.
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "mallory", "guess").close()).isInstanceOf(SQLException.class);
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", "s3cret-Alice"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 2")).containsExactly(List.of("2"));
        }
        // Oversized credentials are refused, not read.
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default"), huge, huge).close()).isInstanceOf(SQLException.class);
    }

    private static String basic(String user, String password)
    {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
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
