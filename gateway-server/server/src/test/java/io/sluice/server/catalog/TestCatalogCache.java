package io.sluice.server.catalog;

import io.sluice.dialects.validate.CatalogView;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import io.sluice.spi.metadata.ColumnInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.sluice.server.testing.JdbcRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What validation read of the catalogs is reused until a statement through Sluice may have changed them or its
 * time is up: through a counting catalog (what is asked of the engine), and end to end, where a change made in one
 * session is seen at once by another that validated against the old table.
 */
class TestCatalogCache
{
    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension();

    /** A catalog with one table {@code default.t}, counting what it is asked. */
    private static final class CountingCatalog
            implements CatalogView
    {
        private final List<String> asked = new ArrayList<>();

        @Override
        public boolean databaseExists(String database)
        {
            asked.add("database " + database);
            return database.equals("default");
        }

        @Override
        public Optional<List<ColumnInfo>> columns(String database, String table)
        {
            asked.add("table " + database + "." + table);
            return table.equals("t") ? Optional.of(List.of()) : Optional.empty();
        }
    }

    @Test
    void answersFromWhatItReadUntilSomethingChanged()
            throws Exception
    {
        CatalogCache cache = new CatalogCache(Duration.ofMillis(300));
        CountingCatalog engine = new CountingCatalog();
        CatalogCache.Entries entries = cache.newEntries();
        CatalogView view = cache.cached(engine, entries);
        assertThat(view.columns("default", "t")).isPresent();
        assertThat(view.columns("default", "t")).isPresent();
        assertThat(view.databaseExists("default.t")).isFalse();
        assertThat(view.databaseExists("default.t")).isFalse();
        assertThat(engine.asked).containsExactly("table default.t", "database default.t");

        // A table not found is asked again each time: it may have been created since.
        assertThat(view.columns("default", "u")).isEmpty();
        assertThat(view.columns("default", "u")).isEmpty();
        assertThat(engine.asked).containsExactly("table default.t", "database default.t", "table default.u", "table default.u");

        cache.changed();
        assertThat(view.columns("default", "t")).isPresent();
        assertThat(engine.asked).endsWith("table default.t");
        int before = engine.asked.size();
        Thread.sleep(400);
        assertThat(view.databaseExists("default.t")).isFalse();
        assertThat(engine.asked).hasSize(before + 1);

        CatalogView uncached = new CatalogCache(Duration.ZERO).cached(engine, entries);
        assertThat(uncached).isSameAs(engine);
    }

    @Test
    void aChangeInOneSessionIsSeenAtOnceInAnother()
            throws Exception
    {
        try (Connection first = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "a"); Connection second = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "b");
                Statement one = first.createStatement(); Statement two = second.createStatement()) {
            one.execute("CREATE TABLE cached_t AS SELECT 1 AS a");
            assertThat(rows(two, "SELECT a FROM cached_t")).containsExactly(List.of("1"));
            one.execute("DROP TABLE cached_t");
            one.execute("CREATE TABLE cached_t AS SELECT 2 AS b");
            // The second session validated against the old columns a moment ago; the DDL made it read them again.
            assertThatThrownBy(() -> two.executeQuery("SELECT a FROM cached_t")).hasMessageContaining("a");
            assertThat(rows(two, "SELECT b FROM cached_t")).containsExactly(List.of("2"));
            // A temporary view is the session's own, cached or not.
            one.execute("CREATE TEMPORARY VIEW cached_t AS SELECT 3 AS c");
            assertThat(rows(one, "SELECT c FROM cached_t")).containsExactly(List.of("3"));
            assertThat(rows(two, "SELECT b FROM cached_t")).containsExactly(List.of("2"));
        }
    }
}
