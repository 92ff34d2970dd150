package io.sluice.server;

import io.sluice.server.testing.TestClients;

import java.util.Map;
import java.util.stream.Collectors;

/** Sluice through the Apache Hive JDBC driver 4.0.1, over both Thrift transports, on embedded DuckDB. */
class TestHiveJdbcDriver
        extends AbstractTestHs2Driver
{
    @Override
    protected TestClients client()
    {
        return TestClients.HIVE_JDBC;
    }

    @Override
    protected String url(String database, Map<String, String> settings)
    {
        // The Hive driver's session settings follow '?', separated by ';'.
        String conf = settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(";"));
        return SLUICE.binaryUrl(database) + (conf.isEmpty() ? "" : "?" + conf);
    }

    @Override
    protected boolean sendsCatalogOfTables()
    {
        return false;
    }

    @Override
    protected String httpUrl(String database)
    {
        return SLUICE.httpUrl(database);
    }
}
