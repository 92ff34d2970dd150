package io.sluice.server;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Idle sessions are closed after session.idle-timeout; their clients get a clear error. */
class TestIdleTimeouts
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("session.idle-timeout", "1s")
            .with("session.check-interval", "100ms");

    @Test
    void idleSessionIsClosed()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.httpUrl("default"), "gina"); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            assertThat(SLUICE.server().backend().sessionCount()).isEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (SLUICE.server().backend().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(SLUICE.server().backend().sessionCount()).isZero();
            assertThatThrownBy(() -> statement.execute("SELECT 1")).isInstanceOf(SQLException.class).hasMessageContaining("Invalid SessionHandle");
        }
    }
}
