package io.sluice.benchmarks;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.sluice.metastore.Metastore;
import io.sluice.metastore.MetastoreConfig;
import io.sluice.server.access.AccessControl;
import io.sluice.server.access.StatementAccess;
import io.sluice.server.auth.Authentication;
import io.sluice.spi.SluiceException;
import io.sluice.dialects.Dialect;
import io.sluice.dialects.Transpiler;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The security benchmark's pieces do what it measures: a directory login with groups, and a five-table statement allowed by its grants. */
class TestBenchmarkSecurity
{
    @Test
    void verify()
            throws Exception
    {
        InMemoryDirectoryServer directory = BenchmarkSecurity.directory();
        try (Authentication ldap = BenchmarkSecurity.ldap(directory, "0s")) {
            assertThat(ldap.password("alice", "alice-pw", "127.0.0.1", "binary").groups()).containsExactly("analysts");
            assertThatThrownBy(() -> ldap.password("alice", "nope", "127.0.0.1", "binary")).isInstanceOf(SluiceException.class);
        }
        finally {
            directory.shutDown(true);
        }
        AccessControl access = BenchmarkSecurity.grants(Metastore.open(MetastoreConfig.embedded(Files.createTempDirectory("sluice-benchmark-security"))));
        assertThat(access.snapshot().privileges()).hasSizeGreaterThanOrEqualTo(1000);
        StatementAccess statements = new StatementAccess(access);
        statements.authorize(new AccessControl.Subject("alice", Set.of("analysts")), Transpiler.parse(BenchmarkSecurity.FIVE_TABLES, Dialect.SPARK), "default");
        // Without the group's role, sales.regions is not alice's.
        assertThatThrownBy(() -> statements.authorize(new AccessControl.Subject("alice", Set.of()), Transpiler.parse(BenchmarkSecurity.FIVE_TABLES, Dialect.SPARK), "default"))
                .hasMessageContaining("SELECT on table spark_catalog.sales.regions");
    }
}
