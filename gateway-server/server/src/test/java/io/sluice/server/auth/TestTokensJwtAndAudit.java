package io.sluice.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.sluice.metastore.TokenStore;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestJwts;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JWT bearer tokens and Sluice API tokens over Thrift HTTP, the binary port and REST, expired, tampered and unsigned
 * ones refused; {@code CREATE|DROP TOKEN}, {@code SHOW TOKENS}; and the audit log of it all ({@code SHOW AUDIT},
 * {@code GET /api/v1/audit}, the JSON-lines file), for administrators only.
 */
class TestTokensJwtAndAudit
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://issuer.sluice.test";
    private static final TestJwts JWTS = TestJwts.create(ISSUER);
    private static final Path KEYS = keys();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("auth.providers", "password-file,jwt,token")
            .with("auth.password-file.path", KEYS.resolveSibling("passwords").toString())
            .with("auth.jwt.key-file", KEYS.toString())
            .with("auth.jwt.issuer", ISSUER)
            .with("auth.jwt.audience", "sluice")
            .with("auth.admin-users", "root")
            .with("auth.failed-login-max-delay", "10ms");

    private static Path keys()
    {
        try {
            Path directory = JWTS.keyFile().getParent();
            Path file = JWTS.keyFile();
            PasswordFile.setPassword(directory.resolve("passwords"), "alice", "alice-pw");
            PasswordFile.setPassword(directory.resolve("passwords"), "root", "root-pw");
            return file;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwt(String subject, String issuer, Instant expires)
    {
        return JWTS.sign(subject, issuer, expires, List.of());
    }

    @Test
    void jwtBearerTokensLogInOverHttpRestAndAsPasswords()
            throws Exception
    {
        String token = jwt("alice", ISSUER, Instant.now().plus(Duration.ofMinutes(5)));
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default") + ";auth=jwt;jwt=" + token, ""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 11")).containsExactly(List.of("11"));
            String job = rows(statement, "SUBMIT JOB jwt_job AS SELECT 1").get(0).get(0);
            assertThat(rows(statement, "SHOW JOBS")).anySatisfy(row -> assertThat(row.get(0) + " " + row.get(3)).isEqualTo(job + " alice"));
        }
        // Over the binary port a JWT is the password of the user it names.
        try (Connection connection = TestClients.KYUUBI_JDBC.connect(SLUICE.binaryUrl("default"), "alice", token)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "root", token).close()).isInstanceOf(SQLException.class);
        assertThat(rest("/api/v1/job", "Bearer " + token).statusCode()).isEqualTo(200);

        String expired = jwt("alice", ISSUER, Instant.now().minus(Duration.ofMinutes(5)));
        String otherIssuer = jwt("alice", "https://elsewhere.test", Instant.now().plus(Duration.ofMinutes(5)));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("alice", "root").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("root").issuer(ISSUER).audience("sluice")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build()).serialize();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder().subject("root").issuer(ISSUER).audience("sluice")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build());
        hmac.sign(new MACSigner(secret));
        for (String refused : List.of(expired, otherIssuer, tampered, unsigned, hmac.serialize(), "not.a.jwt", "x".repeat(7_000))) {
            HttpResponse<String> response = rest("/api/v1/job", "Bearer " + refused);
            assertThat(response.statusCode()).as(refused.substring(0, Math.min(40, refused.length()))).isEqualTo(401);
            assertThat(response.body()).doesNotContain(refused.length() > 100 ? refused.substring(0, 100) : refused);
            assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default") + ";auth=jwt;jwt=" + refused, "").close())
                    .isInstanceOf(SQLException.class);
        }
        // Beyond Jetty's header limit the request is refused before it is read.
        assertThat(rest("/api/v1/job", "Bearer " + "x".repeat(20_000)).statusCode()).isEqualTo(431);
    }

    @Test
    void keysComeFromAJwksUrl()
            throws Exception
    {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = Files.readAllBytes(JWTS.keyFile());
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/jwks.json", exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        server.start();
        try {
            JwtAuthenticator jwt = new JwtAuthenticator(io.sluice.server.config.Settings.of(java.util.Map.of(
                    "auth.jwt.jwks-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json", "auth.jwt.issuer", ISSUER)));
            assertThat(jwt.bearer(jwt("carol", ISSUER, Instant.now().plus(Duration.ofMinutes(5)))).orElseThrow().user()).isEqualTo("carol");
            assertThat(jwt.bearer(jwt("dave", ISSUER, Instant.now().plus(Duration.ofMinutes(5)))).orElseThrow().user()).isEqualTo("dave");
            // The key set is fetched once and cached, not per token.
            assertThat(requests.get()).isEqualTo(1);
            TestJwts stranger = TestJwts.create(ISSUER);
            assertThat(jwt.bearer(stranger.sign("carol", Instant.now().plus(Duration.ofMinutes(5))))).isEmpty();
        }
        finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> new JwtAuthenticator(io.sluice.server.config.Settings.of(java.util.Map.of()))).hasMessageContaining("one of auth.jwt.jwks-url and auth.jwt.key-file");
        assertThatThrownBy(() -> new JwtAuthenticator(io.sluice.server.config.Settings.of(java.util.Map.of("auth.jwt.key-file", JWTS.keyFile().resolveSibling("passwords").toString()))))
                .hasMessageContaining("holds no JWK set, PEM public key or certificate");
    }

    @Test
    void apiTokensAreShownOnceStoredHashedAndEndWhenDropped()
            throws Exception
    {
        String secret;
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", "alice-pw"); Statement statement = connection.createStatement()) {
            List<List<String>> created = rows(statement, "CREATE TOKEN ci_token EXPIRES '2099-01-01 00:00:00'");
            assertThat(created).hasSize(1);
            assertThat(created.get(0).get(0)).isEqualTo("ci_token");
            secret = created.get(0).get(1);
            assertThat(secret).matches("sluice_[A-Za-z0-9_-]{43}");
            assertThat(created.get(0).get(2)).isEqualTo("2099-01-01T00:00:00Z");
            List<List<String>> shown = rows(statement, "SHOW TOKENS");
            assertThat(shown).anySatisfy(row -> assertThat(row.subList(0, 2)).containsExactly("ci_token", "alice"));
            assertThat(shown.toString()).doesNotContain(secret);
            assertThatThrownBy(() -> rows(statement, "CREATE TOKEN ci_token")).hasMessageContaining("The token ci_token already exists");
            assertThatThrownBy(() -> rows(statement, "CREATE TOKEN old_token EXPIRES '2000-01-01'")).hasMessageContaining("which has passed");
            assertThatThrownBy(() -> rows(statement, "CREATE TOKEN `bad name'; DROP`")).hasMessageContaining("Invalid token name");
        }
        // As alice's password, or with the user "token"; not as anyone else's.
        for (String user : List.of("alice", "token")) {
            try (Connection connection = TestClients.KYUUBI_JDBC.connect(SLUICE.binaryUrl("default"), user, secret); Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SHOW TOKENS")).anySatisfy(row -> assertThat(row.get(1)).isEqualTo("alice"));
            }
        }
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "root", secret).close()).isInstanceOf(SQLException.class);
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default") + ";auth=jwt;jwt=" + secret, ""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT 5")).containsExactly(List.of("5"));
        }
        // Sluice's driver: a bearer token over HTTP, the password over binary.
        try (Connection connection = TestClients.SLUICE_JDBC.connect(SLUICE.sluiceHttpUrl("default") + "&token=" + secret, ""); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT current_user()")).containsExactly(List.of("alice"));
        }
        try (Connection connection = TestClients.SLUICE_JDBC.connect(SLUICE.sluiceUrl("default") + "?token=" + secret, "alice"); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT current_user()")).containsExactly(List.of("alice"));
        }
        assertThatThrownBy(() -> TestClients.SLUICE_JDBC.connect(SLUICE.sluiceHttpUrl("default") + "&token=not-a-token", "").close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"))
                .hasMessageContaining("401");
        assertThat(rest("/api/v1/job", "Bearer " + secret).statusCode()).isEqualTo(200);
        assertThat(Files.readString(Path.of(SLUICE.dataDirectory().toString(), "log", "audit.jsonl"))).doesNotContain(secret);

        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", "alice-pw"); Statement statement = connection.createStatement()) {
            statement.execute("DROP TOKEN ci_token");
            assertThatThrownBy(() -> statement.execute("DROP TOKEN ci_token")).hasMessageContaining("No token ci_token");
            statement.execute("DROP TOKEN IF EXISTS ci_token");
        }
        assertThat(rest("/api/v1/job", "Bearer " + secret).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", secret).close()).isInstanceOf(SQLException.class);

        // Expiry, with clocks of the test's choosing over the server's own store.
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        TokenStore store = new TokenStore(SLUICE.server().metastore());
        TokenService.Created shortLived = new TokenService(store, Clock.fixed(now, ZoneOffset.UTC)).create("alice", "short_lived", Optional.of(now.plus(Duration.ofHours(1))));
        assertThat(new TokenService(store, Clock.fixed(now.plus(Duration.ofMinutes(59)), ZoneOffset.UTC)).bearer(shortLived.secret())).isPresent();
        assertThat(new TokenService(store, Clock.fixed(now.plus(Duration.ofHours(1)), ZoneOffset.UTC)).bearer(shortLived.secret())).isEmpty();
        assertThat(new TokenService(store, Clock.systemUTC()).bearer(shortLived.secret() + "x")).isEmpty();
        assertThat(store.list(Optional.of("alice"))).allSatisfy(token -> assertThat(token.secretHash()).hasSize(64).isNotEqualTo(shortLived.secret()));
    }

    @Test
    void theAuditLogRecordsLoginsStatementsAndTokensForAdministrators()
            throws Exception
    {
        assertThatThrownBy(() -> TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "mallory", "guess").close()).isInstanceOf(SQLException.class);
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "alice", "alice-pw"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE audited_t (id INT)");
            statement.execute("INSERT INTO audited_t VALUES (1)");
            assertThat(rows(statement, "WITH w AS (SELECT id FROM audited_t) SELECT count(*) FROM w")).containsExactly(List.of("1"));
            statement.execute("CREATE TOKEN audited_token");
            assertThatThrownBy(() -> rows(statement, "SHOW AUDIT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("SHOW AUDIT is for administrators");
        }
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "root", "root-pw"); Statement statement = connection.createStatement()) {
            List<List<String>> events = rows(statement, "SHOW AUDIT LIMIT 1000");
            // event_id, event_time, kind, user, address, allowed, engine, objects, detail
            assertThat(events).anySatisfy(row -> assertThat(List.of(row.get(2), row.get(3), row.get(4), row.get(5))).containsExactly("LOGIN", "mallory", "127.0.0.1", "false"));
            assertThat(events).anySatisfy(row -> assertThat(List.of(row.get(2), row.get(3), row.get(5))).containsExactly("LOGIN", "alice", "true"));
            assertThat(events).anySatisfy(row -> {
                assertThat(List.of(row.get(2), row.get(3), row.get(5), row.get(6), row.get(7))).containsExactly("STATEMENT", "alice", "true", "duckdb", "audited_t");
                assertThat(row.get(8)).startsWith("WITH w AS");
            });
            assertThat(events).anySatisfy(row -> assertThat(List.of(row.get(2), row.get(3), row.get(7))).containsExactly("TOKEN", "alice", "audited_token"));
            assertThat(events).anySatisfy(row -> assertThat(List.of(row.get(2), row.get(3), row.get(5))).containsExactly("STATEMENT", "alice", "false"));
            assertThat(Long.parseLong(events.get(0).get(0))).isGreaterThan(Long.parseLong(events.get(events.size() - 1).get(0)));
            assertThat(events.toString()).doesNotContain("alice-pw", "guess");
            assertThat(rows(statement, "SHOW AUDIT 'mallory'")).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("mallory")).isNotEmpty();
        }
        HttpResponse<String> audit = rest("/api/v1/audit?limit=500&user=alice", basic("root", "root-pw"));
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode events = JSON.readTree(audit.body()).get("events");
        assertThat(events.size()).isGreaterThan(3);
        assertThat(events).allSatisfy(event -> assertThat(event.get("user").asText()).isEqualTo("alice"));
        assertThat(events).anySatisfy(event -> assertThat(event.get("objects").toString()).isEqualTo("[\"audited_t\"]"));
        assertThat(rest("/api/v1/audit", basic("alice", "alice-pw")).statusCode()).isEqualTo(403);
        assertThat(rest("/api/v1/audit?limit=0", basic("root", "root-pw")).statusCode()).isEqualTo(400);
        List<String> lines = Files.readAllLines(Path.of(SLUICE.dataDirectory().toString(), "log", "audit.jsonl"));
        assertThat(lines).anySatisfy(line -> assertThat(JSON.readTree(line).get("objects").asText()).isEqualTo("audited_t"));
        assertThat(String.join("\n", lines)).doesNotContain("alice-pw", "root-pw");
    }

    private static HttpResponse<String> rest(String path, String authorization)
            throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password)
    {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
