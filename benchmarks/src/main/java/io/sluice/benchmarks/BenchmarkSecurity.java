package io.sluice.benchmarks;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import io.sluice.metastore.AccessStore;
import io.sluice.metastore.Metastore;
import io.sluice.metastore.MetastoreConfig;
import io.sluice.server.access.AccessControl;
import io.sluice.server.access.StatementAccess;
import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.Login;
import io.sluice.server.config.Settings;
import org.apache.calcite.sql.SqlNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What security costs per session and per statement: an LDAP login through Sluice's provider chain (the failed-login
 * guard, the provider, a bind and a group search against UnboundID's in-memory directory on loopback), cold (every
 * login asks the directory) and cached (the provider's brief cache); and the authorization of a statement that joins
 * five tables with 1,000 grants in force (the statement's tables found, each checked against the user's roles), with
 * the row-filter rewrite's check. Target: authorization ≤ 50 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
public class BenchmarkSecurity
{
    static final String FIVE_TABLES = "SELECT o.id, sum(l.amount) FROM orders o JOIN lines l ON o.id = l.order_id JOIN customers c ON c.id = o.customer "
            + "JOIN products p ON p.id = l.product JOIN sales.regions r ON r.id = c.region WHERE r.name = 'EU' GROUP BY o.id";

    private InMemoryDirectoryServer directory;
    private Authentication cold;
    private Authentication cached;
    private Path data;
    private AccessControl access;
    private StatementAccess statements;
    private AccessControl.Subject subject;
    private SqlNode parsed;

    @Setup
    public void setUp()
            throws Exception
    {
        directory = directory();
        cold = ldap(directory, "0s");
        cached = ldap(directory, "1h");
        data = Files.createTempDirectory("sluice-benchmark-security");
        access = grants(Metastore.open(MetastoreConfig.embedded(data)));
        statements = new StatementAccess(access);
        subject = new AccessControl.Subject("alice", Set.of("analysts"));
        parsed = Transpiler.parse(FIVE_TABLES, Dialect.SPARK);
        authorize();
    }

    static InMemoryDirectoryServer directory()
            throws Exception
    {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: dc=example,dc=com", "objectClass: top", "objectClass: domain", "dc: example");
        server.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: uid=alice,ou=people,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: alice", "cn: alice", "sn: alice", "userPassword: alice-pw");
        server.add("dn: cn=analysts,ou=groups,dc=example,dc=com", "objectClass: groupOfNames", "cn: analysts", "member: uid=alice,ou=people,dc=example,dc=com");
        server.startListening();
        return server;
    }

    static Authentication ldap(InMemoryDirectoryServer directory, String cacheTtl)
    {
        return Authentication.from(Settings.of(Map.of(
                "auth.providers", "ldap",
                "auth.ldap.url", "ldap://127.0.0.1:" + directory.getListenPort("ldap"),
                "auth.ldap.user-bind-pattern", "uid=${USER},ou=people,dc=example,dc=com",
                "auth.ldap.group-base-dn", "ou=groups,dc=example,dc=com",
                "auth.ldap.cache-ttl", cacheTtl)), "127.0.0.1");
    }

    /** 1,000 grants: 50 roles of 20 table privileges each; alice holds three roles, one through her group. */
    static AccessControl grants(Metastore metastore)
    {
        AccessStore store = new AccessStore(metastore);
        Instant now = Instant.now();
        for (int role = 0; role < 50; role++) {
            store.createRole("role" + role, "admin", now);
            for (int table = 0; table < 20; table++) {
                store.grant(new AccessStore.Privilege("role" + role, "SELECT", "TABLE", "spark_catalog.default.t" + role + "_" + table));
            }
        }
        for (String table : new String[] {"spark_catalog.default.orders", "spark_catalog.default.lines", "spark_catalog.default.customers", "spark_catalog.default.products"}) {
            store.grant(new AccessStore.Privilege("role7", "SELECT", "TABLE", table));
        }
        store.grant(new AccessStore.Privilege("role9", "SELECT", "DATABASE", "spark_catalog.sales"));
        store.addMember(new AccessStore.Member("role3", "USER", "alice"));
        store.addMember(new AccessStore.Member("role7", "USER", "alice"));
        store.addMember(new AccessStore.Member("role9", "GROUP", "analysts"));
        return new AccessControl(store, true, Set.of(), Duration.ofMinutes(10));
    }

    @Benchmark
    public Login ldapLoginCold()
    {
        return cold.password("alice", "alice-pw", "127.0.0.1", "binary");
    }

    @Benchmark
    public Login ldapLoginCached()
    {
        return cached.password("alice", "alice-pw", "127.0.0.1", "binary");
    }

    @Benchmark
    public Optional<String> authorize()
    {
        statements.authorize(subject, parsed, "default");
        return statements.rewrite(subject, parsed, FIVE_TABLES, Dialect.SPARK, "default", (database, table) -> Optional.empty());
    }

    @TearDown
    public void tearDown()
    {
        cold.close();
        cached.close();
        directory.shutDown(true);
    }

    public static void main(String[] args)
            throws Exception
    {
        new Runner(new OptionsBuilder().include(BenchmarkSecurity.class.getSimpleName()).build()).run();
    }
}
