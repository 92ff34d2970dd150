package io.sluice.jdbc;

import org.apache.hive.service.rpc.thrift.TGetCatalogsReq;
import org.apache.hive.service.rpc.thrift.TGetColumnsReq;
import org.apache.hive.service.rpc.thrift.TGetCrossReferenceReq;
import org.apache.hive.service.rpc.thrift.TGetFunctionsReq;
import org.apache.hive.service.rpc.thrift.TGetInfoType;
import org.apache.hive.service.rpc.thrift.TGetPrimaryKeysReq;
import org.apache.hive.service.rpc.thrift.TGetSchemasReq;
import org.apache.hive.service.rpc.thrift.TGetTableTypesReq;
import org.apache.hive.service.rpc.thrift.TGetTablesReq;
import org.apache.hive.service.rpc.thrift.TGetTypeInfoReq;
import org.apache.hive.service.rpc.thrift.TOperationHandle;
import org.apache.hive.service.rpc.thrift.TStatus;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * What BI tools and IDEs browse: catalogs, databases (JDBC schemas), tables, columns, types, functions and keys come
 * from the server's HS2 metadata calls; the facts of the SQL Sluice speaks (Spark SQL by default) are constants here.
 */
final class SluiceDatabaseMetaData
        implements DatabaseMetaData
{
    /** Spark SQL's keywords that SQL:2003 does not have, and Sluice's own, as JDBC asks for them. */
    private static final String KEYWORDS = String.join(",",
            "ANALYZE", "ANTI", "AUDIT", "BUCKET", "BUCKETS", "CACHE", "CLUSTER", "CLUSTERED", "CLUSTERS", "COLUMNS", "COMPUTE", "DATA", "DATABASE",
            "DATABASES", "DBPROPERTIES", "DELIMITED", "DIRECTORY", "DISTRIBUTE", "DIV", "ENGINE", "ENGINES", "EXPLAIN", "EXTENDED", "FIELDS",
            "FILEFORMAT", "FORMATTED", "FUNCTIONS", "IF", "ILIKE", "JOB", "JOBS", "LAZY", "LIMIT", "LINES", "LIST", "LOAD", "LOCATION", "MSCK",
            "NAMESPACE", "NAMESPACES", "OVERWRITE", "PARTITIONED", "PARTITIONS", "PERCENT", "PIVOT", "PURGE", "REFRESH", "RENAME", "REPAIR",
            "REPLACE", "RESET", "RLIKE", "ROUTE", "SCHEDULE", "SCHEDULES", "SCHEMAS", "SEMI", "SHOW", "SORT", "SORTED", "STATISTICS", "STATS",
            "STORED", "SUBMIT", "TABLES", "TABLESAMPLE", "TBLPROPERTIES", "TEMPORARY", "TOKEN", "TOKENS", "TRANSPILE", "TRUNCATE", "UNCACHE",
            "UNSET", "USE", "VIEWS");

    private final SluiceConnection connection;
    private String productName;
    private String productVersion;

    SluiceDatabaseMetaData(SluiceConnection connection)
    {
        this.connection = connection;
    }

    private interface MetadataCall
    {
        TOperationHandle call(org.apache.hive.service.rpc.thrift.TCLIService.Client thrift, org.apache.hive.service.rpc.thrift.TSessionHandle session, StatusSink status)
                throws org.apache.thrift.TException;
    }

    private static final class StatusSink
    {
        private TStatus status;

        TOperationHandle accept(TStatus status, TOperationHandle handle)
        {
            this.status = status;
            return handle;
        }
    }

    /** Runs one HS2 metadata call and reads its answer as a result set (closed with it, its operation too). */
    private ResultSet metadata(MetadataCall call)
            throws SQLException
    {
        connection.checkOpen();
        StatusSink sink = new StatusSink();
        TOperationHandle handle = connection.client().call((thrift, session) -> call.call(thrift, session, sink));
        Hs2Client.check(sink.status);
        Operation operation = new Operation(connection.client(), handle);
        try {
            operation.awaitCompletion();
            return new ThriftResultSet(operation, operation.columns(), null, connection.defaultFetchSize(), 0);
        }
        catch (SQLException e) {
            operation.close();
            throw e;
        }
    }

    private static ResultSet empty(String method)
    {
        return ListResultSet.of(List.of(), List.of());
    }

    @Override
    public ResultSet getCatalogs()
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            var response = thrift.GetCatalogs(new TGetCatalogsReq(session));
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getSchemas()
            throws SQLException
    {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetSchemasReq request = new TGetSchemasReq(session);
            if (catalog != null) {
                request.setCatalogName(catalog);
            }
            request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
            var response = thrift.GetSchemas(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetTablesReq request = new TGetTablesReq(session);
            if (catalog != null) {
                request.setCatalogName(catalog);
            }
            request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
            request.setTableName(tableNamePattern == null ? "%" : tableNamePattern);
            if (types != null) {
                request.setTableTypes(Arrays.asList(types));
            }
            var response = thrift.GetTables(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getTableTypes()
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            var response = thrift.GetTableTypes(new TGetTableTypesReq(session));
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetColumnsReq request = new TGetColumnsReq(session);
            if (catalog != null) {
                request.setCatalogName(catalog);
            }
            request.setSchemaName(schemaPattern == null ? "%" : schemaPattern);
            request.setTableName(tableNamePattern == null ? "%" : tableNamePattern);
            request.setColumnName(columnNamePattern == null ? "%" : columnNamePattern);
            var response = thrift.GetColumns(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getTypeInfo()
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            var response = thrift.GetTypeInfo(new TGetTypeInfoReq(session));
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetFunctionsReq request = new TGetFunctionsReq(session, functionNamePattern == null ? "%" : functionNamePattern);
            if (catalog != null) {
                request.setCatalogName(catalog);
            }
            if (schemaPattern != null) {
                request.setSchemaName(schemaPattern);
            }
            var response = thrift.GetFunctions(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetPrimaryKeysReq request = new TGetPrimaryKeysReq(session);
            if (catalog != null) {
                request.setCatalogName(catalog);
            }
            if (schema != null) {
                request.setSchemaName(schema);
            }
            request.setTableName(table);
            var response = thrift.GetPrimaryKeys(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException
    {
        return metadata((thrift, session, status) -> {
            TGetCrossReferenceReq request = new TGetCrossReferenceReq(session);
            if (parentCatalog != null) {
                request.setParentCatalogName(parentCatalog);
            }
            if (parentSchema != null) {
                request.setParentSchemaName(parentSchema);
            }
            if (parentTable != null) {
                request.setParentTableName(parentTable);
            }
            if (foreignCatalog != null) {
                request.setForeignCatalogName(foreignCatalog);
            }
            if (foreignSchema != null) {
                request.setForeignSchemaName(foreignSchema);
            }
            if (foreignTable != null) {
                request.setForeignTableName(foreignTable);
            }
            var response = thrift.GetCrossReference(request);
            return status.accept(response.getStatus(), response.getOperationHandle());
        });
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table)
            throws SQLException
    {
        return getCrossReference(null, null, null, catalog, schema, table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table)
            throws SQLException
    {
        return getCrossReference(catalog, schema, table, null, null, null);
    }

    @Override
    public String getURL()
    {
        return connection.url().toString();
    }

    @Override
    public String getUserName()
    {
        return connection.url().property(SluiceUrl.USER, "anonymous");
    }

    @Override
    public boolean isReadOnly()
            throws SQLException
    {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName()
            throws SQLException
    {
        if (productName == null) {
            productName = connection.info(TGetInfoType.CLI_DBMS_NAME);
        }
        return productName;
    }

    @Override
    public String getDatabaseProductVersion()
            throws SQLException
    {
        if (productVersion == null) {
            productVersion = connection.info(TGetInfoType.CLI_DBMS_VER);
        }
        return productVersion;
    }

    @Override
    public int getDatabaseMajorVersion()
            throws SQLException
    {
        return DriverVersion.part(getDatabaseProductVersion(), 0);
    }

    @Override
    public int getDatabaseMinorVersion()
            throws SQLException
    {
        return DriverVersion.part(getDatabaseProductVersion(), 1);
    }

    @Override
    public String getDriverName()
    {
        return DriverVersion.NAME;
    }

    @Override
    public String getDriverVersion()
    {
        return DriverVersion.VERSION;
    }

    @Override
    public int getDriverMajorVersion()
    {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getDriverMinorVersion()
    {
        return DriverVersion.MINOR;
    }

    @Override
    public int getJDBCMajorVersion()
    {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion()
    {
        return 2;
    }

    @Override
    public String getIdentifierQuoteString()
    {
        String dialect = connection.dialect();
        return dialect.equals("trino") || dialect.equals("duckdb") ? "\"" : "`";
    }

    @Override
    public String getSQLKeywords()
    {
        return KEYWORDS;
    }

    @Override
    public String getNumericFunctions()
    {
        return "abs,acos,asin,atan,atan2,ceiling,cos,cot,degrees,exp,floor,log,log10,mod,pi,power,radians,rand,round,sign,sin,sqrt,tan,truncate";
    }

    @Override
    public String getStringFunctions()
    {
        return "ascii,char,concat,lcase,left,length,locate,ltrim,repeat,replace,right,rtrim,space,substring,ucase";
    }

    @Override
    public String getSystemFunctions()
    {
        return "database,ifnull,user";
    }

    @Override
    public String getTimeDateFunctions()
    {
        return "curdate,curtime,dayofmonth,dayofweek,dayofyear,hour,minute,month,now,quarter,second,week,year";
    }

    @Override
    public String getSearchStringEscape()
    {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters()
    {
        return "";
    }

    @Override
    public String getSchemaTerm()
    {
        return "database";
    }

    @Override
    public String getProcedureTerm()
    {
        return "procedure";
    }

    @Override
    public String getCatalogTerm()
    {
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart()
    {
        return true;
    }

    @Override
    public String getCatalogSeparator()
    {
        return ".";
    }

    @Override
    public boolean supportsCatalogsInDataManipulation()
    {
        return true;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions()
    {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public int getMaxColumnNameLength()
    {
        return 128;
    }

    @Override
    public int getMaxSchemaNameLength()
    {
        return 128;
    }

    @Override
    public int getMaxTableNameLength()
    {
        return 128;
    }

    @Override
    public int getMaxCatalogNameLength()
    {
        return 128;
    }

    @Override
    public int getDefaultTransactionIsolation()
    {
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactions()
    {
        return false;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level)
    {
        return level == Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsResultSetType(int type)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability()
    {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability)
    {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType()
    {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime()
    {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public Connection getConnection()
    {
        return connection;
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

    // The rest: what Sluice does not have (procedures, UDTs, privileges per column, indexes, ...) answers nothing.

    @Override
    public boolean allProceduresAreCallable()
    {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable()
    {
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow()
    {
        return true;
    }

    @Override
    public boolean nullsAreSortedAtStart()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd()
    {
        return false;
    }

    @Override
    public boolean usesLocalFiles()
    {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable()
    {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers()
    {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn()
    {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn()
    {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing()
    {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull()
    {
        return true;
    }

    @Override
    public boolean supportsConvert()
    {
        return true;
    }

    @Override
    public boolean supportsConvert(int p0, int p1)
    {
        return true;
    }

    @Override
    public boolean supportsTableCorrelationNames()
    {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames()
    {
        return true;
    }

    @Override
    public boolean supportsExpressionsInOrderBy()
    {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupBy()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect()
    {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause()
    {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets()
    {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions()
    {
        return false;
    }

    @Override
    public boolean supportsNonNullableColumns()
    {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar()
    {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar()
    {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL()
    {
        return true;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL()
    {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility()
    {
        return false;
    }

    @Override
    public boolean supportsOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation()
    {
        return true;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls()
    {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions()
    {
        return true;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions()
    {
        return true;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions()
    {
        return true;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate()
    {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate()
    {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures()
    {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds()
    {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries()
    {
        return true;
    }

    @Override
    public boolean supportsUnion()
    {
        return true;
    }

    @Override
    public boolean supportsUnionAll()
    {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit()
    {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback()
    {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit()
    {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback()
    {
        return false;
    }

    @Override
    public int getMaxBinaryLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable()
    {
        return 0;
    }

    @Override
    public int getMaxConnections()
    {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxIndexLength()
    {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxRowSize()
    {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs()
    {
        return false;
    }

    @Override
    public int getMaxStatementLength()
    {
        return 0;
    }

    @Override
    public int getMaxStatements()
    {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxUserNameLength()
    {
        return 0;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions()
    {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly()
    {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit()
    {
        return true;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions()
    {
        return false;
    }

    @Override
    public ResultSet getProcedures(String p0, String p1, String p2)
    {
        return empty("getProcedures");
    }

    @Override
    public ResultSet getProcedureColumns(String p0, String p1, String p2, String p3)
    {
        return empty("getProcedureColumns");
    }

    @Override
    public ResultSet getColumnPrivileges(String p0, String p1, String p2, String p3)
    {
        return empty("getColumnPrivileges");
    }

    @Override
    public ResultSet getTablePrivileges(String p0, String p1, String p2)
    {
        return empty("getTablePrivileges");
    }

    @Override
    public ResultSet getBestRowIdentifier(String p0, String p1, String p2, int p3, boolean p4)
    {
        return empty("getBestRowIdentifier");
    }

    @Override
    public ResultSet getVersionColumns(String p0, String p1, String p2)
    {
        return empty("getVersionColumns");
    }

    @Override
    public ResultSet getIndexInfo(String p0, String p1, String p2, boolean p3, boolean p4)
    {
        return empty("getIndexInfo");
    }

    @Override
    public boolean ownUpdatesAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int p0)
    {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int p0)
    {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int p0)
    {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int p0)
    {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates()
    {
        return true;
    }

    @Override
    public ResultSet getUDTs(String p0, String p1, String p2, int[] p3)
    {
        return empty("getUDTs");
    }

    @Override
    public boolean supportsSavepoints()
    {
        return false;
    }

    @Override
    public boolean supportsNamedParameters()
    {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults()
    {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys()
    {
        return false;
    }

    @Override
    public ResultSet getSuperTypes(String p0, String p1, String p2)
    {
        return empty("getSuperTypes");
    }

    @Override
    public ResultSet getSuperTables(String p0, String p1, String p2)
    {
        return empty("getSuperTables");
    }

    @Override
    public ResultSet getAttributes(String p0, String p1, String p2, String p3)
    {
        return empty("getAttributes");
    }

    @Override
    public boolean locatorsUpdateCopy()
    {
        return false;
    }

    @Override
    public boolean supportsStatementPooling()
    {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax()
    {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets()
    {
        return false;
    }

    @Override
    public ResultSet getClientInfoProperties()
    {
        return empty("getClientInfoProperties");
    }

    @Override
    public ResultSet getFunctionColumns(String p0, String p1, String p2, String p3)
    {
        return empty("getFunctionColumns");
    }

    @Override
    public ResultSet getPseudoColumns(String p0, String p1, String p2, String p3)
    {
        return empty("getPseudoColumns");
    }

    @Override
    public boolean generatedKeyAlwaysReturned()
    {
        return false;
    }
}
