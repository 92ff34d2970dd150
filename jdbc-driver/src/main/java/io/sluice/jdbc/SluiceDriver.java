package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sluice's JDBC driver: {@code jdbc:sluice://host[:port][,host2[:port]]/[catalog.]database[?key=value&...]}. It speaks
 * HS2 Thrift (binary with SASL PLAIN on 10009 by default, or {@code transport=http} on 10010), so it works against
 * any Sluice; found by {@link java.util.ServiceLoader} and registered with {@link DriverManager} when loaded.
 */
public final class SluiceDriver
        implements Driver
{
    static {
        try {
            DriverManager.registerDriver(new SluiceDriver());
        }
        catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info)
            throws SQLException
    {
        if (!acceptsURL(url)) {
            // JDBC: a driver returns null for a URL of another driver, so that DriverManager tries the next one.
            return null;
        }
        Properties properties = new Properties();
        if (info != null) {
            properties.putAll(info);
        }
        if (!properties.containsKey(SluiceUrl.CONNECT_TIMEOUT) && DriverManager.getLoginTimeout() > 0) {
            properties.setProperty(SluiceUrl.CONNECT_TIMEOUT, String.valueOf(DriverManager.getLoginTimeout() * 1000));
        }
        SluiceUrl parsed = SluiceUrl.parse(url, properties);
        return new SluiceConnection(parsed, Hs2Client.open(parsed));
    }

    @Override
    public boolean acceptsURL(String url)
    {
        return SluiceUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
    {
        Properties given = info == null ? new Properties() : info;
        return new DriverPropertyInfo[] {
                property(SluiceUrl.USER, given, "The user to log in as", false),
                property(SluiceUrl.PASSWORD, given, "The user's password", false),
                property(SluiceUrl.TOKEN, given, "A Sluice token or JWT (bearer over HTTP, the password over binary)", false),
                choice(SluiceUrl.TRANSPORT, given, "The HS2 Thrift transport", "binary", "binary", "http"),
                property(SluiceUrl.HTTP_PATH, given, "The HTTP transport's path (default cliservice)", false),
                choice(SluiceUrl.SSL, given, "Connect with TLS", "false", "true", "false"),
                property(SluiceUrl.SSL_TRUST_STORE, given, "Trust store for the server's certificate (default: the JVM's)", false),
                property(SluiceUrl.SSL_TRUST_STORE_PASSWORD, given, "The trust store's password", false),
                property(SluiceUrl.CONNECT_TIMEOUT, given, "Milliseconds to wait for each host (default 10000)", false),
                property(SluiceUrl.SOCKET_TIMEOUT, given, "Milliseconds to wait for any answer (default 0: no limit)", false),
                property(SluiceUrl.FETCH_SIZE, given, "Rows per fetch unless the statement sets one", false),
                choice("sluice.engine", given, "The engine to pin the session to", "auto", "auto", "duckdb", "trino", "spark", "flink"),
                choice("sluice.dialect", given, "The SQL dialect statements are written in", "spark", "spark", "hive", "trino", "duckdb", "flink"),
        };
    }

    private static DriverPropertyInfo property(String name, Properties given, String description, boolean required)
    {
        DriverPropertyInfo info = new DriverPropertyInfo(name, given.getProperty(name));
        info.description = description;
        info.required = required;
        return info;
    }

    private static DriverPropertyInfo choice(String name, Properties given, String description, String defaultValue, String... choices)
    {
        DriverPropertyInfo info = new DriverPropertyInfo(name, given.getProperty(name, defaultValue));
        info.description = description;
        info.choices = choices;
        return info;
    }

    @Override
    public int getMajorVersion()
    {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion()
    {
        return DriverVersion.MINOR;
    }

    @Override
    public boolean jdbcCompliant()
    {
        // No transactions and no bind parameters on the wire: not JDBC compliant in the specification's strict sense.
        return false;
    }

    @Override
    public Logger getParentLogger()
    {
        return Logger.getLogger("io.sluice.jdbc");
    }
}
