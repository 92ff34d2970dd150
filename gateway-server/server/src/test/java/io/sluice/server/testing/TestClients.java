package io.sluice.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The real clients assembled by the {@code sluice-test-clients} module, each loaded in a class loader of its own:
 * the Hive driver bundles Thrift classes of its own version, which must not meet the server's.
 */
public enum TestClients
{
    HIVE_JDBC("drivers/hive", "org.apache.hive.jdbc.HiveDriver"),
    KYUUBI_JDBC("drivers/kyuubi", "org.apache.kyuubi.jdbc.KyuubiHiveDriver"),
    /** Sluice's own driver, the self-contained jar jdbc-driver/ builds (relocated Thrift: no clash, but tested as shipped). */
    SLUICE_JDBC("drivers/sluice", "io.sluice.jdbc.SluiceDriver");

    private final String directory;
    private final String driverClass;
    private Driver driver;

    TestClients(String directory, String driverClass)
    {
        this.directory = directory;
        this.driverClass = driverClass;
    }

    /** The folder the test-clients module assembled; set by the build as a system property. */
    public static Path root()
    {
        String root = System.getProperty("sluice.test-clients");
        if (root == null) {
            throw new IllegalStateException("System property sluice.test-clients is not set; run the tests through Maven");
        }
        Path path = Path.of(root);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("Test clients are missing at " + path + "; build gateway-server/test-clients first");
        }
        return path;
    }

    public synchronized Driver driver()
    {
        if (driver == null) {
            try {
                ClassLoader loader = new URLClassLoader(jars(root().resolve(directory)), ClassLoader.getPlatformClassLoader());
                driver = (Driver) Class.forName(driverClass, true, loader).getDeclaredConstructor().newInstance();
            }
            catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot load " + driverClass, e);
            }
        }
        return driver;
    }

    public Connection connect(String url, String user)
            throws SQLException
    {
        return connect(url, user, "");
    }

    public Connection connect(String url, String user, String password)
            throws SQLException
    {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException(driverClass + " does not accept " + url);
        }
        return connection;
    }

    public static URL[] jars(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            List<URL> urls = files.filter(file -> file.toString().endsWith(".jar")).map(file -> {
                try {
                    return file.toUri().toURL();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            return urls.toArray(URL[]::new);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
