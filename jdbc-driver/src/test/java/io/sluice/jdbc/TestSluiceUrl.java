package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSluiceUrl
{
    @Test
    void hostsPortsDatabaseAndSettings()
            throws SQLException
    {
        Properties info = new Properties();
        info.setProperty("user", "alice");
        info.setProperty("sluice.engine", "duckdb");
        SluiceUrl url = SluiceUrl.parse("jdbc:sluice://one,two:10100,[::1]:10200/lakehouse.sales?sluice.engine=trino&sluice.dialect=hive&fetchSize=500", info);
        assertThat(url.hosts()).extracting(Object::toString).containsExactly("one:10009", "two:10100", "[::1]:10200");
        assertThat(url.database()).isEqualTo("lakehouse.sales");
        assertThat(url.property("user")).isEqualTo("alice");
        assertThat(url.intProperty(SluiceUrl.FETCH_SIZE, 0)).isEqualTo(500);
        // The URL wins over the properties; driver keys are not session settings.
        assertThat(url.sessionSettings()).isEqualTo(Map.of("sluice.engine", "trino", "sluice.dialect", "hive"));
        assertThat(url.http()).isFalse();
    }

    @Test
    void defaults()
            throws SQLException
    {
        SluiceUrl url = SluiceUrl.parse("jdbc:sluice://h", null);
        assertThat(url.database()).isEqualTo("default");
        assertThat(url.hosts().get(0).port()).isEqualTo(10009);
        SluiceUrl http = SluiceUrl.parse("jdbc:sluice://h/db?transport=HTTP", null);
        assertThat(http.http()).isTrue();
        assertThat(http.hosts().get(0).port()).isEqualTo(10010);
        assertThat(SluiceUrl.parse("jdbc:sluice://h/my%20db/", null).database()).isEqualTo("my db");
    }

    @Test
    void secretsAreMaskedInErrorsAndToString()
            throws SQLException
    {
        assertThat(SluiceUrl.parse("jdbc:sluice://h/db?password=hunter2&token=abc", null).toString())
                .isEqualTo("jdbc:sluice://h/db?password=***&token=***");
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h:x/db?password=hunter2", null))
                .hasMessageContaining("port 'x'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void badUrls()
    {
        assertThat(SluiceUrl.accepts("jdbc:hive2://h/db")).isFalse();
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://", null)).hasMessageContaining("no host");
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://[::1/db", null)).hasMessageContaining("no closing ]");
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h/db?ssl=maybe", null)).hasMessageContaining("ssl 'maybe' is not true or false");
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h/db?connectTimeout=soon", null)).hasMessageContaining("connectTimeout 'soon'");
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h/db%zz", null)).hasMessageContaining("not URL-encoded");
    }
}
