package io.sluice.server.fuzz;

import io.sluice.dialects.corpus.CorpusRun;
import io.sluice.dialects.corpus.CorpusRun.Outcome;
import io.sluice.dialects.fuzz.DifferentialFuzz;
import io.sluice.dialects.fuzz.DifferentialFuzz.Answer;
import io.sluice.dialects.fuzz.DifferentialFuzz.Case;
import io.sluice.dialects.fuzz.FuzzStatement;
import io.sluice.dialects.fuzz.FuzzTables;
import io.sluice.dialects.fuzz.StatementGenerator;
import io.sluice.engine.spark.SparkEngineFactory;
import io.sluice.server.testing.LocalFlinkExtension;
import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.LocalTrinoExtension;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineContext;
import io.sluice.spi.engine.EngineSession;
import io.sluice.spi.engine.EngineStatement;
import io.sluice.spi.engine.SessionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The differential fuzzer in CI: a seeded run of generated Spark SQL ({@code sluice.fuzz.cases} cases per engine,
 * 2,000 by default; {@code sluice.fuzz.seed}) answered by the local Spark Connect server as written and by Sluice on
 * DuckDB, Trino and Flink, the three at once. No case may answer differently from Spark; refusals are counted. Reports land in
 * {@code target/fuzz-report-<engine>.md}. The long run is {@code mvn -Pfuzz} (docs/dialects.md).
 */
class TestDifferentialFuzz
{
    private static final long SEED = Long.getLong("sluice.fuzz.seed", 20261203L);
    private static final int CASES = Integer.getInteger("sluice.fuzz.cases", 2000);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Spark's answers, asked once for the three engines: the statements are the same. */
    private static final Map<String, Answer> SPARK_ANSWERS = new ConcurrentHashMap<>();
    private static final List<String> ENGINES = List.of("duckdb", "trino", "flink");
    private static final String DATABASE = "fuzz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @RegisterExtension
    @Order(1)
    static final LocalTrinoExtension TRINO = new LocalTrinoExtension();

    @RegisterExtension
    @Order(2)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @Order(3)
    static final LocalFlinkExtension FLINK = new LocalFlinkExtension();

    @RegisterExtension
    @Order(4)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,trino,flink")
            .with("engine.trino.endpoint", TRINO.endpoint())
            .with("engine.flink.endpoint", FLINK.endpoint())
            .with("engine.flink.catalog", LocalFlinkExtension.CATALOG);

    private static Engine spark;
    private static EngineSession sparkSession;

    @BeforeAll
    static void createTables()
            throws Exception
    {
        spark = new SparkEngineFactory().create(new EngineContext(Map.of("remote", SPARK.remote()), Files.createTempDirectory("sluice-fuzz")));
        sparkSession = spark.openSession(new SessionContext("fuzz", "default"));
        sparkSession.queryRows("CREATE DATABASE " + DATABASE);
        sparkSession.useDatabase(DATABASE);
        for (String statement : FuzzTables.setupStatements()) {
            sparkSession.queryRows(statement);
        }
        for (String engine : ENGINES) {
            try (Connection connection = connect("default", engine); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection connection = connect(DATABASE, engine); Statement statement = connection.createStatement()) {
                for (String setup : FuzzTables.setupStatements()) {
                    statement.execute(setup);
                }
            }
        }
    }

    @AfterAll
    static void dropTables()
            throws Exception
    {
        for (String engine : ENGINES) {
            try (Connection connection = connect("default", engine); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " CASCADE");
            }
            catch (SQLException e) {
                // Dropping is tidying: a failure here must not hide the test's own outcome.
                System.err.println("Could not drop " + DATABASE + " on " + engine + ": " + e.getMessage());
            }
        }
        if (sparkSession != null) {
            sparkSession.queryRows("DROP DATABASE IF EXISTS " + DATABASE + " CASCADE");
            sparkSession.close();
            spark.close();
        }
    }

    /**
     * The three engines at once, each on a connection of its own and with a Spark session of its own (Spark's answers
     * are shared): the run is bound by round trips, not by work.
     * The CI run takes about 14 minutes on two cores, {@code -Pfuzz}'s 50,000 cases hours: hence the timeout over the
     * suite's ten-minute default.
     */
    @Timeout(value = 8, unit = TimeUnit.HOURS)
    @Test
    void everyEngineGivesSparksAnswerOrRefuses()
            throws Exception
    {
        List<FuzzStatement> statements = new StatementGenerator(SEED, 8).statements(CASES);
        ExecutorService executor = Executors.newFixedThreadPool(ENGINES.size());
        try {
            Map<String, Future<List<Case>>> runs = new LinkedHashMap<>();
            for (String engine : ENGINES) {
                runs.put(engine, executor.submit(() -> fuzz(engine, statements)));
            }
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Future<List<Case>>> run : runs.entrySet()) {
                List<Case> cases = run.getValue().get();
                assertThat(cases).hasSize(CASES);
                assertThat(cases.stream().filter(each -> each.outcome() == Outcome.MATCH).count())
                        .as("cases matching Spark on " + run.getKey())
                        .isGreaterThan(CASES / 2);
                cases.stream().filter(each -> each.outcome() == Outcome.MISMATCH)
                        .forEach(each -> wrong.add(run.getKey() + ": " + each.sql() + " -- " + each.detail()));
            }
            assertThat(wrong).as("wrong answers (target/fuzz-report-<engine>.md)").isEmpty();
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static List<Case> fuzz(String engine, List<FuzzStatement> statements)
            throws Exception
    {
        List<Case> cases;
        try (Connection connection = connect(DATABASE, engine); EngineSession session = spark.openSession(new SessionContext("fuzz", DATABASE))) {
            session.useDatabase(DATABASE);
            cases = new DifferentialFuzz(sql -> sparkAnswer(session, sql), sql -> sluiceAnswer(connection, sql)).run(statements);
        }
        Files.writeString(Path.of("target", "fuzz-report-" + engine + ".md"), DifferentialFuzz.report(engine, SEED, cases), StandardCharsets.UTF_8);
        return cases;
    }

    private static Answer sparkAnswer(EngineSession session, String sql)
    {
        Answer answer = SPARK_ANSWERS.get(sql);
        if (answer == null) {
            answer = askSpark(session, sql);
            SPARK_ANSWERS.putIfAbsent(sql, answer);
        }
        return answer;
    }

    private static Answer askSpark(EngineSession session, String sql)
    {
        try (EngineStatement statement = session.createStatement(sql)) {
            List<List<String>> rows = new ArrayList<>();
            if (statement.execute()) {
                for (Optional<RowBatch> batch = statement.nextBatch(1000); batch.isPresent(); batch = statement.nextBatch(1000)) {
                    for (Object[] row : RowBatch.rows(List.of(batch.get()))) {
                        List<String> values = new ArrayList<>();
                        for (Object value : row) {
                            values.add(text(value));
                        }
                        rows.add(values);
                    }
                }
            }
            return Answer.of(rows);
        }
        catch (SluiceException e) {
            return Answer.failed(e.getMessage(), false);
        }
    }

    /** A value as HiveServer2 sends it as text (Sluice's Spark engine already writes nested values as JSON). */
    private static String text(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            return timestamp.format(TIMESTAMP) + (timestamp.getNano() == 0 ? "" : String.format(".%09d", timestamp.getNano()));
        }
        return value.toString();
    }

    private static Answer sluiceAnswer(Connection connection, String sql)
    {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            return Answer.of(CorpusRun.rows(resultSet));
        }
        catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            return Answer.failed(message, "0A000".equals(e.getSQLState()) || message.toLowerCase(Locale.ROOT).contains("not supported"));
        }
    }

    private static Connection connect(String database, String engine)
            throws SQLException
    {
        return TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl(database) + "?sluice.engine=" + engine, "fuzz");
    }
}
