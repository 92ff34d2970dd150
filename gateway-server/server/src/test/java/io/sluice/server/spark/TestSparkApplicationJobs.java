package io.sluice.server.spark;

import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static io.sluice.server.testing.JdbcRows.rows;
import static io.sluice.server.testing.JobRows.awaitEnd;
import static io.sluice.server.testing.JobRows.describe;
import static io.sluice.server.testing.JobRows.logs;
import static io.sluice.server.testing.JobRows.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark application jobs on the built-in LOCAL cluster: a jar the test builds against the local Spark's jars runs
 * through SparkSubmit in a process of its own, with its output in the job's log; a failing application fails the job
 * with its exit status; a running one is cancelled and its process stopped.
 */
class TestSparkApplicationJobs
{
    private static final Path PROJECT = Path.of(System.getProperty("sluice.project-root", "../..")).toAbsolutePath().normalize();
    private static final Path SPARK_LIB = PROJECT.resolve("engines/spark-local/target/spark-local/lib");

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("jobs.spark-lib", SPARK_LIB.toString())
            .with("jobs.poll-interval", "100ms");

    private static Path jar;

    @BeforeAll
    static void buildApplication()
            throws Exception
    {
        assertThat(SPARK_LIB).as("the local Spark (bin/sluice engine start spark builds it)").isDirectory();
        Path sources = Files.createTempDirectory("sluice-app");
        Files.writeString(sources.resolve("SluiceTestApp.java"), """
                import org.apache.spark.sql.SparkSession;

                public class SluiceTestApp {
                    public static void main(String[] args) throws Exception {
                        if (args[0].equals("fail")) {
                            System.out.println("failing on purpose");
                            System.exit(3);
                        }
                        if (args[0].equals("sleep")) {
                            System.out.println("sleeping");
                            Thread.sleep(600_000);
                        }
                        SparkSession spark = SparkSession.builder().getOrCreate();
                        long sum = spark.range(Long.parseLong(args[0])).selectExpr("sum(id)").first().getLong(0);
                        System.out.println("sum=" + sum + " partitions=" + spark.conf().get("spark.sql.shuffle.partitions"));
                        spark.stop();
                    }
                }
                """);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        String classPath;
        try (java.util.stream.Stream<Path> jars = Files.list(SPARK_LIB)) {
            classPath = jars.map(Path::toString).filter(name -> name.endsWith(".jar")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        }
        int status = compiler.run(null, null, errors, "-cp", classPath, "-d", sources.toString(), sources.resolve("SluiceTestApp.java").toString());
        assertThat(status).as(errors.toString()).isZero();
        jar = sources.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream output = new JarOutputStream(file)) {
            output.putNextEntry(new JarEntry("SluiceTestApp.class"));
            output.write(Files.readAllBytes(sources.resolve("SluiceTestApp.class")));
            output.closeEntry();
        }
    }

    @Test
    void applicationsRunFailAndAreCancelled()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "spark_user"); Statement statement = connection.createStatement()) {
            String succeeded = submit(statement, "SUBMIT JOB sum_app CLASS 'SluiceTestApp' JAR '" + jar + "' ARGS ('1000') CONF (spark.sql.shuffle.partitions = '3')");
            String failed = submit(statement, "SUBMIT JOB failing_app ON CLUSTER local CLASS 'SluiceTestApp' JAR '" + jar + "' ARGS ('fail')");
            String sleeping = submit(statement, "SUBMIT JOB sleeping_app CLASS 'SluiceTestApp' JAR '" + jar + "' ARGS ('sleep')");

            Map<String, String> done = awaitEnd(statement, succeeded, Duration.ofSeconds(120));
            assertThat(done).containsEntry("state", "SUCCEEDED").containsEntry("kind", "APPLICATION").containsEntry("cluster", "local");
            assertThat(done.get("run")).startsWith("process ");
            assertThat(done.get("submission")).startsWith("spark-submit --master local[2] --deploy-mode client").contains("--conf spark.sql.shuffle.partitions=3");
            assertThat(logs(statement, succeeded)).contains("sum=499500 partitions=3");

            Map<String, String> exited = awaitEnd(statement, failed, Duration.ofSeconds(120));
            assertThat(exited).containsEntry("state", "FAILED").containsEntry("error", "SparkSubmit exited with status 3; see the job's log");
            assertThat(logs(statement, failed)).contains("failing on purpose");

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!logs(statement, sleeping).contains("sleeping") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            String process = describe(statement, sleeping).get("run");
            long pid = Long.parseLong(process.substring("process ".length()));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(rows(statement, "CANCEL JOB " + sleeping)).containsExactly(List.of(sleeping, "CANCELLED"));
            assertThat(awaitEnd(statement, sleeping, Duration.ofSeconds(120))).containsEntry("state", "CANCELLED");
            long stopped = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < stopped) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the application's process is stopped").isFalse();
        }
    }
}
