package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TGetInfoReq;
import org.apache.hive.service.rpc.thrift.TGetInfoType;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TSetClientInfoReq;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One HS2 session. Statements commit as they run (auto-commit, no transactions), results are read-only and
 * forward-only; {@code setSchema} and {@code setCatalog} switch the session's database with Spark's {@code USE}.
 */
final class SluiceConnection
        implements Connection
{
    /** Client info names the driver forwards to the server (shown in SHOW QUERIES and the audit log). */
    static final Set<String> CLIENT_INFO_NAMES = Set.of("ApplicationName", "ClientUser", "ClientHostname");

    private final SluiceUrl url;
    private final Hs2Client client;
    private final Set<SluiceStatement> statements = ConcurrentHashMap.newKeySet();
    private final Properties clientInfo = new Properties();
    private final int defaultFetchSize;
    private volatile String dialect;
    private volatile boolean arrowAsked;
    private volatile boolean closed;
    private boolean readOnly;
    private SQLWarning warnings;
    private int networkTimeout;

    SluiceConnection(SluiceUrl url, Hs2Client client)
    {
        this.url = url;
        this.client = client;
        int fetchSize = url.intProperty(SluiceUrl.FETCH_SIZE, 0);
        if (fetchSize == 0) {
            String server = client.serverConfiguration().get("hive.server2.thrift.resultset.default.fetch.size");
            try {
                fetchSize = server == null ? ThriftResultSet.DEFAULT_FETCH_SIZE : Integer.parseInt(server);
            }
            catch (NumberFormatException e) {
                fetchSize = ThriftResultSet.DEFAULT_FETCH_SIZE;
            }
        }
        this.defaultFetchSize = fetchSize;
        this.dialect = url.sessionSettings().getOrDefault("sluice.dialect", "spark").toLowerCase(Locale.ROOT);
        this.networkTimeout = url.intProperty(SluiceUrl.SOCKET_TIMEOUT, 0);
        this.arrowAsked = url.sessionSettings().containsKey("kyuubi.operation.result.format");
    }

    /**
     * Whether the session may ask for Kyuubi's Arrow batches (the URL or a SET named the setting): then each statement
     * asks for row sets instead, which costs the server a settings overlay per statement, so only then.
     */
    boolean arrowAsked()
    {
        return arrowAsked;
    }

    void arrowMayBeAsked()
    {
        arrowAsked = true;
    }

    void checkOpen()
            throws SQLException
    {
        if (closed) {
            throw new SQLException("The connection is closed", "08003");
        }
    }

    TSessionHandle session()
            throws SQLException
    {
        return client.call((thrift, session) -> session);
    }

    Hs2Client client()
    {
        return client;
    }

    SluiceUrl url()
    {
        return url;
    }

    int defaultFetchSize()
    {
        return defaultFetchSize;
    }

    /** The dialect statements are written in, which decides how parameters are written into them. */
    String dialect()
    {
        return dialect;
    }

    void dialectChanged(String dialect)
    {
        this.dialect = dialect.toLowerCase(Locale.ROOT);
    }

    void statementClosed(SluiceStatement statement)
    {
        statements.remove(statement);
    }

    private <T extends SluiceStatement> T register(T statement)
    {
        statements.add(statement);
        return statement;
    }

    @Override
    public Statement createStatement()
            throws SQLException
    {
        checkOpen();
        return register(new SluiceStatement(this, client));
    }

    @Override
    public PreparedStatement prepareStatement(String sql)
            throws SQLException
    {
        checkOpen();
        return register(new SluicePreparedStatement(this, client, sql));
    }

    @Override
    public CallableStatement prepareCall(String sql)
            throws SQLException
    {
        throw Errors.notSupported("Connection.prepareCall (stored procedures)");
    }

    @Override
    public String nativeSQL(String sql)
            throws SQLException
    {
        checkOpen();
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit)
            throws SQLException
    {
        checkOpen();
        if (!autoCommit) {
            addWarning(new SQLWarning("Sluice has no transactions: every statement commits as it runs (auto-commit stays on)", "01000"));
        }
    }

    @Override
    public boolean getAutoCommit()
            throws SQLException
    {
        checkOpen();
        return true;
    }

    @Override
    public void commit()
            throws SQLException
    {
        checkOpen();
    }

    @Override
    public void rollback()
            throws SQLException
    {
        throw Errors.notSupported("Connection.rollback (every statement commits as it runs)");
    }

    @Override
    public void close()
            throws SQLException
    {
        if (closed) {
            return;
        }
        for (SluiceStatement statement : new ArrayList<>(statements)) {
            try {
                statement.close();
            }
            catch (SQLException e) {
                // The session's close below ends its operations on the server too.
            }
        }
        closed = true;
        client.close();
    }

    @Override
    public boolean isClosed()
    {
        return closed || client.isClosed();
    }

    @Override
    public DatabaseMetaData getMetaData()
            throws SQLException
    {
        checkOpen();
        return new SluiceDatabaseMetaData(this);
    }

    String info(TGetInfoType type)
            throws SQLException
    {
        var response = client.call((thrift, session) -> thrift.GetInfo(new TGetInfoReq(session, type)));
        Hs2Client.check(response.getStatus());
        return response.getInfoValue().getStringValue();
    }

    @Override
    public void setReadOnly(boolean readOnly)
            throws SQLException
    {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly()
            throws SQLException
    {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog)
            throws SQLException
    {
        checkOpen();
        if (catalog == null || catalog.isEmpty() || catalog.equalsIgnoreCase(getCatalog())) {
            return;
        }
        String schema = getSchema();
        use(quote(catalog) + "." + quote(schema));
    }

    @Override
    public String getCatalog()
            throws SQLException
    {
        return sessionValue("current_catalog()");
    }

    @Override
    public void setSchema(String schema)
            throws SQLException
    {
        checkOpen();
        if (schema == null || schema.isEmpty()) {
            throw new SQLException("The schema to switch to is empty", "3F000");
        }
        use(quote(schema));
    }

    @Override
    public String getSchema()
            throws SQLException
    {
        String database = sessionValue("current_database()");
        int dot = database.lastIndexOf('.');
        return dot >= 0 ? database.substring(dot + 1) : database;
    }

    private void use(String name)
            throws SQLException
    {
        try (Statement statement = createStatement()) {
            statement.execute("USE " + name);
        }
    }

    private String sessionValue(String function)
            throws SQLException
    {
        checkOpen();
        try (Statement statement = createStatement(); ResultSet resultSet = statement.executeQuery("SELECT " + function)) {
            return resultSet.next() ? resultSet.getString(1) : "";
        }
    }

    /** A name in the session dialect's identifier quotes. */
    String quote(String identifier)
    {
        boolean backticks = dialect.equals("spark") || dialect.equals("hive") || dialect.equals("flink");
        String quote = backticks ? "`" : "\"";
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    @Override
    public void setTransactionIsolation(int level)
            throws SQLException
    {
        checkOpen();
        if (level != TRANSACTION_NONE) {
            addWarning(new SQLWarning("Sluice has no transactions; isolation level " + level + " is ignored", "01000"));
        }
    }

    @Override
    public int getTransactionIsolation()
            throws SQLException
    {
        checkOpen();
        return TRANSACTION_NONE;
    }

    private synchronized void addWarning(SQLWarning warning)
    {
        if (warnings == null) {
            warnings = warning;
        }
        else {
            warnings.setNextWarning(warning);
        }
    }

    @Override
    public synchronized SQLWarning getWarnings()
            throws SQLException
    {
        checkOpen();
        return warnings;
    }

    @Override
    public synchronized void clearWarnings()
            throws SQLException
    {
        checkOpen();
        warnings = null;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency)
            throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException
    {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException
    {
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException
    {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
            throws SQLException
    {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes)
            throws SQLException
    {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames)
            throws SQLException
    {
        return prepareStatement(sql);
    }

    private void checkResultSetKind(int type, int concurrency)
            throws SQLException
    {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw Errors.notSupported("Result set type " + type + " (results are TYPE_FORWARD_ONLY)");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw Errors.notSupported("Result set concurrency " + concurrency + " (results are CONCUR_READ_ONLY)");
        }
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException
    {
        return prepareCall(sql);
    }

    @Override
    public Map<String, Class<?>> getTypeMap()
            throws SQLException
    {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map)
            throws SQLException
    {
        throw Errors.notSupported("Connection.setTypeMap");
    }

    @Override
    public void setHoldability(int holdability)
            throws SQLException
    {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw Errors.notSupported("Holdability " + holdability);
        }
    }

    @Override
    public int getHoldability()
            throws SQLException
    {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Savepoint setSavepoint()
            throws SQLException
    {
        throw Errors.notSupported("Savepoints");
    }

    @Override
    public Savepoint setSavepoint(String name)
            throws SQLException
    {
        throw Errors.notSupported("Savepoints");
    }

    @Override
    public void rollback(Savepoint savepoint)
            throws SQLException
    {
        throw Errors.notSupported("Savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint)
            throws SQLException
    {
        throw Errors.notSupported("Savepoints");
    }

    @Override
    public Clob createClob()
            throws SQLException
    {
        throw Errors.notSupported("Connection.createClob");
    }

    @Override
    public Blob createBlob()
            throws SQLException
    {
        throw Errors.notSupported("Connection.createBlob");
    }

    @Override
    public NClob createNClob()
            throws SQLException
    {
        throw Errors.notSupported("Connection.createNClob");
    }

    @Override
    public SQLXML createSQLXML()
            throws SQLException
    {
        throw Errors.notSupported("Connection.createSQLXML");
    }

    @Override
    public boolean isValid(int timeout)
            throws SQLException
    {
        if (timeout < 0) {
            throw new SQLException("Timeout " + timeout + " is negative", "HY024");
        }
        if (isClosed()) {
            return false;
        }
        try {
            client.tryCall((thrift, session) -> thrift.GetInfo(new TGetInfoReq(session, TGetInfoType.CLI_DBMS_VER)), timeout == 0 ? Long.MAX_VALUE / 2 : timeout * 1000L);
            return true;
        }
        catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void setClientInfo(String name, String value)
            throws SQLClientInfoException
    {
        Properties properties = new Properties();
        properties.putAll(clientInfo);
        if (value == null) {
            properties.remove(name);
        }
        else {
            properties.setProperty(name, value);
        }
        setClientInfo(properties);
    }

    @Override
    public void setClientInfo(Properties properties)
            throws SQLClientInfoException
    {
        Map<String, String> sent = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            sent.put(name, properties.getProperty(name));
        }
        try {
            checkOpen();
            TSetClientInfoReq request = new TSetClientInfoReq(session());
            request.setConfiguration(sent);
            Hs2Client.check(client.call((thrift, session) -> thrift.SetClientInfo(request)).getStatus());
        }
        catch (SQLException e) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            sent.keySet().forEach(name -> failed.put(name, ClientInfoStatus.REASON_UNKNOWN));
            throw new SQLClientInfoException("Could not set client info " + sent.keySet() + ": " + e.getMessage(), e.getSQLState(), failed, e);
        }
        clientInfo.clear();
        clientInfo.putAll(sent);
    }

    @Override
    public String getClientInfo(String name)
            throws SQLException
    {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo()
            throws SQLException
    {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements)
            throws SQLException
    {
        checkOpen();
        return new SluiceArray(new ArrayList<>(Arrays.asList(elements)));
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes)
            throws SQLException
    {
        throw Errors.notSupported("Connection.createStruct");
    }

    @Override
    public void abort(Executor executor)
            throws SQLException
    {
        if (executor == null) {
            throw new SQLException("The executor is null", "HY009");
        }
        closed = true;
        executor.execute(() -> {
            try {
                client.close();
            }
            catch (SQLException e) {
                // Abandoned on purpose: the server ends the session with its connection.
            }
        });
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds)
            throws SQLException
    {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("Network timeout " + milliseconds + " is negative", "HY024");
        }
        client.setNetworkTimeout(milliseconds);
        networkTimeout = milliseconds;
    }

    @Override
    public int getNetworkTimeout()
            throws SQLException
    {
        checkOpen();
        return networkTimeout;
    }

    @Override
    public <T> T unwrap(Class<T> iface)
            throws SQLException
    {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface)
    {
        return iface != null && iface.isInstance(this);
    }

}
