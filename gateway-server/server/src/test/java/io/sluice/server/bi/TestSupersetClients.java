package io.sluice.server.bi;

import io.sluice.server.testing.LocalSparkExtension;
import io.sluice.server.testing.SluiceServerExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sluice driven by PyHive and SQLAlchemy exactly as Apache Superset drives HiveServer2 ({@code src/test/python/test_superset.py}),
 * with Debian's Python, {@code python3-thrift} and {@code python3-sqlalchemy}, and PyHive from {@code ../shared/clients/python}.
 * Each Python test case is one test here.
 */
class TestSupersetClients
{
    private static final Pattern CASE = Pattern.compile("^(test_\\w+) \\(([\\w.]+)\\)(?: \\.\\.\\.)? ?(.*)$", Pattern.MULTILINE);

    @RegisterExtension
    @Order(1)
    static final LocalSparkExtension SPARK = new LocalSparkExtension();

    @RegisterExtension
    @Order(2)
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("router.engines", "duckdb,spark")
            .with("engine.spark.remote", SPARK.remote())
            .with("session.defaults.user.superset.sluice.dialect", "hive");

    @TestFactory
    List<DynamicTest> superset()
            throws IOException, InterruptedException
    {
        Path root = projectRoot();
        Path clients = root.getParent().resolve("shared/clients/python");
        assertThat(clients.resolve("pyhive/hive.py")).as("PyHive's sources in ../shared/clients/python").exists();
        Path suite = root.resolve("gateway-server/server/src/test/python");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        ProcessBuilder builder = new ProcessBuilder(python, "-W", "ignore::ResourceWarning", "-m", "unittest", "-v", "test_superset")
                .directory(suite.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", clients + ":" + suite);
        builder.environment().put("SLUICE_PORT", String.valueOf(SLUICE.server().binaryPort()));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The Superset suite did not finish in 300 s:\n" + output);
        }
        int exitCode = process.exitValue();
        assertThat(output).as("the suite's output; install python3-thrift python3-sqlalchemy python3-future python3-dateutil")
                .doesNotContain("ModuleNotFoundError");

        List<DynamicTest> tests = new ArrayList<>();
        Matcher matcher = CASE.matcher(output);
        while (matcher.find()) {
            String name = matcher.group(1);
            String verdict = matcher.group(3).trim();
            tests.add(DynamicTest.dynamicTest(name, () -> assertThat(verdict).as(name + " in:\n" + output).isEqualTo("ok")));
        }
        // Every case of the suite ran and reported, and the run as a whole passed.
        tests.add(DynamicTest.dynamicTest("suite", () -> {
            assertThat(output).as(output).containsPattern("Ran 1[0-9] tests");
            assertThat(exitCode).as(output).isZero();
        }));
        assertThat(tests).as(output).hasSizeGreaterThan(12);
        return tests;
    }

    /** The project's root: the folder with {@code .ci/run}, above the module the tests run in. */
    static Path projectRoot()
    {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve(".ci/run"))) {
            directory = directory.getParent();
        }
        assertThat(directory).as("the project root (with .ci/run) above " + Path.of("").toAbsolutePath()).isNotNull();
        return directory;
    }
}
