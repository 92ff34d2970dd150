package io.sluice.server;

import io.sluice.server.testing.ClientProcesses;
import io.sluice.server.testing.ClientProcesses.Result;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sluice driven by Kyuubi's JDBC driver, beeline and the hive-driver npm package, as their users run them. */
class TestRealClients
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    @Test
    void kyuubiJdbcDriver()
            throws Exception
    {
        for (String url : List.of(
                "jdbc:kyuubi://127.0.0.1:" + SLUICE.server().binaryPort() + "/default",
                "jdbc:hive2://127.0.0.1:" + SLUICE.server().httpPort() + "/default;transportMode=http;httpPath=cliservice")) {
            try (Connection connection = TestClients.KYUUBI_JDBC.connect(url, "carol"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS kyuubi_t (id INT, v DECIMAL(20,4))");
                statement.execute("INSERT INTO kyuubi_t VALUES (1, 12.5)");
                try (ResultSet resultSet = statement.executeQuery("SELECT id, v FROM kyuubi_t WHERE id = 1 LIMIT 1")) {
                    assertThat(resultSet.next()).isTrue();
                    assertThat(resultSet.getInt(1)).isEqualTo(1);
                    assertThat(resultSet.getBigDecimal(2)).isEqualByComparingTo("12.5");
                    assertThat(resultSet.getMetaData().getScale(2)).isEqualTo(4);
                }
                try (ResultSet tables = connection.getMetaData().getTables(null, "default", "kyuubi%", null)) {
                    assertThat(tables.next()).isTrue();
                    assertThat(tables.getString("TABLE_NAME")).isEqualTo("kyuubi_t");
                }
            }
        }
    }

    @Test
    void beeline()
            throws Exception
    {
        Result result = ClientProcesses.beeline(List.of(
                "-u", SLUICE.binaryUrl("default"), "-n", "dave", "--outputformat=csv2", "-e",
                "CREATE TABLE beeline_t (id INT, name STRING); INSERT INTO beeline_t VALUES (1, 'x'), (2, 'y'); SELECT * FROM beeline_t ORDER BY id; SHOW TABLES;"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("id,name\n1,x\n2,y\n").contains("default,beeline_t,false");

        Result failure = ClientProcesses.beeline(List.of("-u", SLUICE.httpUrl("default"), "-n", "dave", "-e", "SELECT * FROM not_there;"));
        assertThat(failure.exitCode()).isNotZero();
        assertThat(failure.output()).contains("not_there").contains("42P01");
    }

    @Test
    void nodeHiveDriver()
            throws Exception
    {
        Result result = ClientProcesses.nodeQuery(SLUICE.server().binaryPort(), "erin", "secret", "SELECT CAST(id AS INT) AS n, CAST(id AS STRING) AS s FROM range(3)");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("[{\"n\":0,\"s\":\"0\"},{\"n\":1,\"s\":\"1\"},{\"n\":2,\"s\":\"2\"}]");
    }
}
