package io.sluice.server.config;

import io.sluice.spi.SluiceException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pins every default and property name: changing one is a user-visible change. */
class TestConfigDefaults
{
    @Test
    void serverDefaults()
    {
        assertThat(ServerConfig.from(Settings.of(Map.of()))).isEqualTo(new ServerConfig("127.0.0.1", 10009, 10010, "/cliservice", 10099,
                256L << 20, 1000, Duration.ofSeconds(30), "Sluice", "Sluice", SluiceVersion.VERSION, 128, Path.of("var")));
    }

    @Test
    void sessionDefaults()
    {
        assertThat(SessionConfig.from(Settings.of(Map.of()))).isEqualTo(new SessionConfig(1000, 1000, Duration.ofHours(6), Duration.ofHours(3),
                Duration.ofMinutes(1), Duration.ofSeconds(1), 10_000, 100_000, 0, 64, 1000, Map.of()));
    }

    @Test
    void sessionDefaultsPerUser()
    {
        SessionConfig config = SessionConfig.from(Settings.of(Map.of(
                "session.defaults.user.superset.sluice.dialect", "hive",
                "session.defaults.user.superset.sluice.engine", "duckdb",
                "session.defaults.user.jane.doe.sluice.dialect", "trino",
                "session.defaults.user.etl.spark.sql.shuffle.partitions", "8")));
        assertThat(config.defaultsFor("superset")).isEqualTo(Map.of("sluice.dialect", "hive", "sluice.engine", "duckdb"));
        assertThat(config.defaultsFor("jane.doe")).isEqualTo(Map.of("sluice.dialect", "trino"));
        assertThat(config.defaultsFor("etl")).isEqualTo(Map.of("spark.sql.shuffle.partitions", "8"));
        assertThat(config.defaultsFor("alice")).isEmpty();
        assertThatThrownBy(() -> SessionConfig.from(Settings.of(Map.of("session.defaults.user.superset", "hive"))))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Invalid setting session.defaults.user.superset: expected session.defaults.user.<user>.<key>=<value>");
    }

    @Test
    void explicitValuesAndPrecedence()
            throws Exception
    {
        Path file = Files.createTempFile("sluice", ".conf");
        Files.writeString(file, "server.rest.port=1111\nserver.thrift.binary.port=2222\nsession.idle-timeout=5m\nresult.max-rows=7\n");
        Settings settings = Settings.load(file, Map.of("SLUICE_SERVER_REST_PORT", "3333", "SLUICE_SERVER_THRIFT_MAX_FRAME_SIZE", "1MB"), Map.of("server.thrift.binary.port", "4444"));
        ServerConfig server = ServerConfig.from(settings);
        assertThat(server.restPort()).isEqualTo(3333);
        assertThat(server.binaryPort()).isEqualTo(4444);
        assertThat(server.maxFrameSize()).isEqualTo(1L << 20);
        SessionConfig session = SessionConfig.from(settings);
        assertThat(session.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(session.maxResultRows()).isEqualTo(7);
        Files.delete(file);
    }

    @Test
    void badValuesNameTheKey()
    {
        assertThatThrownBy(() -> ServerConfig.from(Settings.of(Map.of("server.rest.port", "http")))).isInstanceOf(SluiceException.class)
                .hasMessage("Invalid setting server.rest.port=http: not a whole number");
        assertThatThrownBy(() -> SessionConfig.from(Settings.of(Map.of("session.idle-timeout", "soon")))).isInstanceOf(SluiceException.class)
                .hasMessageContaining("session.idle-timeout=soon");
    }
}
