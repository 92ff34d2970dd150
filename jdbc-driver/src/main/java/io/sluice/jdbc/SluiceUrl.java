package io.sluice.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A parsed {@code jdbc:sluice://host[:port][,host2[:port]]/[catalog.]database[?key=value&...]} together with the
 * connection properties: the URL's parameters win over the properties, as PostgreSQL's and Trino's drivers do. Keys
 * the driver reads itself are listed in {@link #DRIVER_KEYS}; every other key is a session setting sent to the server
 * when the session opens ({@code sluice.engine=trino}, {@code sluice.dialect=hive}, ...), which the server validates.
 */
public final class SluiceUrl
{
    public static final String PREFIX = "jdbc:sluice:";

    public static final String USER = "user";
    public static final String PASSWORD = "password";
    /** {@code binary} (default) or {@code http}. */
    public static final String TRANSPORT = "transport";
    public static final String HTTP_PATH = "httpPath";
    public static final String SSL = "ssl";
    public static final String SSL_TRUST_STORE = "sslTrustStore";
    public static final String SSL_TRUST_STORE_PASSWORD = "sslTrustStorePassword";
    public static final String SSL_TRUST_STORE_TYPE = "sslTrustStoreType";
    /** A Sluice token or a JWT: a bearer token over HTTP, the password over the binary transport. */
    public static final String TOKEN = "token";
    /** Milliseconds to wait for a host to accept the connection before the next host is tried. */
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    /** Milliseconds a call may wait for the server's answer; 0 (default) waits as long as the statement runs. */
    public static final String SOCKET_TIMEOUT = "socketTimeout";
    /** Rows per fetch when the application sets no fetch size. */
    public static final String FETCH_SIZE = "fetchSize";

    static final Set<String> DRIVER_KEYS = Set.of(USER, PASSWORD, TRANSPORT, HTTP_PATH, SSL, SSL_TRUST_STORE, SSL_TRUST_STORE_PASSWORD,
            SSL_TRUST_STORE_TYPE, TOKEN, CONNECT_TIMEOUT, SOCKET_TIMEOUT, FETCH_SIZE);

    public static final int DEFAULT_BINARY_PORT = 10009;
    public static final int DEFAULT_HTTP_PORT = 10010;

    private final String text;
    private final List<HostPort> hosts;
    private final String database;
    private final Map<String, String> properties;

    private SluiceUrl(String text, List<HostPort> hosts, String database, Map<String, String> properties)
    {
        this.text = masked(text);
        this.hosts = List.copyOf(hosts);
        this.database = requireNonNull(database, "database is null");
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public static boolean accepts(String url)
    {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    public static SluiceUrl parse(String url, Properties info)
            throws SQLException
    {
        if (!accepts(url)) {
            throw invalid(url, "it does not start with " + PREFIX + "//");
        }
        String rest = url.substring(PREFIX.length());
        if (!rest.startsWith("//")) {
            throw invalid(url, "expected // after " + PREFIX);
        }
        rest = rest.substring(2);
        String query = null;
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        String authority = rest;
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            path = rest.substring(slash + 1);
        }

        Map<String, String> properties = new LinkedHashMap<>();
        if (info != null) {
            for (String name : info.stringPropertyNames()) {
                properties.put(name, info.getProperty(name));
            }
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw invalid(url, "parameter '" + pair + "' is not key=value");
                }
                properties.put(decode(url, pair.substring(0, equals)), decode(url, pair.substring(equals + 1)));
            }
        }

        String transport = properties.getOrDefault(TRANSPORT, "binary").toLowerCase(Locale.ROOT);
        if (!transport.equals("binary") && !transport.equals("http")) {
            throw invalid(url, "transport '" + properties.get(TRANSPORT) + "' is not binary or http");
        }
        properties.put(TRANSPORT, transport);
        int defaultPort = transport.equals("http") ? DEFAULT_HTTP_PORT : DEFAULT_BINARY_PORT;

        if (authority.isEmpty()) {
            throw invalid(url, "no host");
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String host : authority.split(",", -1)) {
            hosts.add(hostPort(url, host.trim(), defaultPort));
        }

        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String database = decode(url, path);
        if (database.isEmpty()) {
            database = "default";
        }
        if (database.contains("/") || database.startsWith(".") || database.endsWith(".") || database.contains("..")) {
            throw invalid(url, "'" + database + "' is not [catalog.]database");
        }
        for (String key : List.of(CONNECT_TIMEOUT, SOCKET_TIMEOUT, FETCH_SIZE)) {
            nonNegative(url, properties, key);
        }
        if (properties.containsKey(SSL)) {
            String ssl = properties.get(SSL).toLowerCase(Locale.ROOT);
            if (!ssl.equals("true") && !ssl.equals("false")) {
                throw invalid(url, "ssl '" + properties.get(SSL) + "' is not true or false");
            }
        }
        return new SluiceUrl(url, hosts, database, properties);
    }

    private static HostPort hostPort(String url, String text, int defaultPort)
            throws SQLException
    {
        if (text.isEmpty()) {
            throw invalid(url, "an empty host in the host list");
        }
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(url, "host '" + text + "' has no closing ]");
            }
            host = text.substring(1, close);
            String after = text.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(url, "host '" + text + "' is not [address]:port");
                }
                port = port(url, text, after.substring(1));
            }
        }
        else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0) {
                host = text.substring(0, colon);
                port = port(url, text, text.substring(colon + 1));
            }
        }
        if (host.isEmpty()) {
            throw invalid(url, "host '" + text + "' has no name");
        }
        return new HostPort(host, port);
    }

    private static int port(String url, String host, String text)
            throws SQLException
    {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw invalid(url, "port " + text + " of '" + host + "' is not between 1 and 65535");
            }
            return port;
        }
        catch (NumberFormatException e) {
            throw invalid(url, "port '" + text + "' of '" + host + "' is not a number");
        }
    }

    private static void nonNegative(String url, Map<String, String> properties, String key)
            throws SQLException
    {
        String value = properties.get(key);
        if (value == null) {
            return;
        }
        try {
            if (Integer.parseInt(value.trim()) >= 0) {
                return;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(url, key + " '" + value + "' is not a non-negative integer");
    }

    private static String decode(String url, String text)
            throws SQLException
    {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw invalid(url, "'" + text + "' is not URL-encoded correctly");
        }
    }

    private static SQLException invalid(String url, String reason)
    {
        return new SQLException("Invalid Sluice JDBC URL " + masked(url) + ": " + reason
                + " (expected jdbc:sluice://host[:port][,host2[:port]]/[catalog.]database[?key=value&...])", "08001");
    }

    /** Never echo a password or token given in the URL. */
    private static String masked(String url)
    {
        return url == null ? "null" : url.replaceAll("(?i)((password|token|sslTrustStorePassword)=)[^&]*", "$1***");
    }

    /** The URL as given, its secrets masked. */
    @Override
    public String toString()
    {
        return text;
    }

    public List<HostPort> hosts()
    {
        return hosts;
    }

    /** The database the session starts in, {@code catalog.database} or {@code database}; {@code default} if none. */
    public String database()
    {
        return database;
    }

    public String property(String key)
    {
        return properties.get(key);
    }

    public String property(String key, String defaultValue)
    {
        return properties.getOrDefault(key, defaultValue);
    }

    public int intProperty(String key, int defaultValue)
    {
        String value = properties.get(key);
        return value == null ? defaultValue : Integer.parseInt(value.trim());
    }

    public boolean http()
    {
        return properties.get(TRANSPORT).equals("http");
    }

    public boolean ssl()
    {
        return Boolean.parseBoolean(properties.getOrDefault(SSL, "false"));
    }

    /** The settings sent to the server when the session opens: every property the driver does not read itself. */
    public Map<String, String> sessionSettings()
    {
        Map<String, String> settings = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (!DRIVER_KEYS.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    public static final class HostPort
    {
        private final String host;
        private final int port;

        public HostPort(String host, int port)
        {
            this.host = requireNonNull(host, "host is null");
            this.port = port;
        }

        public String host()
        {
            return host;
        }

        public int port()
        {
            return port;
        }

        @Override
        public String toString()
        {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
