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
        Connection connection = driver().connect(this == SLUICE_JDBC ? sluiceUrl(url) : url, properties);
        if (connection == null) {
            throw new SQLException(driverClass + " does not accept " + url);
        }
        return connection;
    }

    /**
     * A Hive driver URL ({@code jdbc:hive2://host:port/db;session-vars?hive-conf#vars}) as Sluice's driver spells it, so
     * that a test written for the HS2 drivers runs Sluice's too: the transport, TLS and JWT settings by their Sluice
     * names, the hive conf as settings; URLs of Sluice's own pass unchanged.
     */
    static String sluiceUrl(String url)
    {
        if (!url.startsWith("jdbc:hive2://")) {
            return url;
        }
        String rest = url.substring("jdbc:hive2://".length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String conf = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            conf = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String[] sessionParts = rest.split(";");
        List<String> parameters = new java.util.ArrayList<>();
        for (int i = 1; i < sessionParts.length; i++) {
            String[] pair = sessionParts[i].split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            switch (pair[0]) {
                case "transportMode" -> parameters.add("transport=" + value);
                case "trustStorePassword" -> parameters.add("sslTrustStorePassword=" + value);
                case "jwt" -> parameters.add("token=" + value);
                case "auth" -> {
                    if (!value.equals("jwt")) {
                        parameters.add("auth=" + value);
                    }
                }
                default -> parameters.add(sessionParts[i]);
            }
        }
        for (String setting : conf.split(";")) {
            if (!setting.isEmpty()) {
                parameters.add(setting);
            }
        }
        return "jdbc:sluice://" + sessionParts[0] + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
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
