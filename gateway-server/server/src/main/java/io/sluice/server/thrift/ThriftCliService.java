package io.sluice.server.thrift;

import io.sluice.dialects.parser.SluiceSqlParser;
import io.sluice.server.SluiceBackend;
import io.sluice.server.config.ServerConfig;
import io.sluice.server.operation.Operation;
import io.sluice.server.operation.OperationState;
import io.sluice.server.operation.OperationType;
import io.sluice.server.session.Caller;
import io.sluice.server.session.HandleId;
import io.sluice.server.session.Session;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.ErrorType;
import io.sluice.spi.RowBatch;
import io.sluice.spi.SluiceException;
import io.sluice.spi.type.SluiceType;
import org.apache.hive.service.rpc.thrift.TCLIService;
import org.apache.hive.service.rpc.thrift.TCancelDelegationTokenReq;
import org.apache.hive.service.rpc.thrift.TCancelDelegationTokenResp;
import org.apache.hive.service.rpc.thrift.TCancelOperationReq;
import org.apache.hive.service.rpc.thrift.TCancelOperationResp;
import org.apache.hive.service.rpc.thrift.TCloseOperationReq;
import org.apache.hive.service.rpc.thrift.TCloseOperationResp;
import org.apache.hive.service.rpc.thrift.TCloseSessionReq;
import org.apache.hive.service.rpc.thrift.TCloseSessionResp;
import org.apache.hive.service.rpc.thrift.TColumnDesc;
import org.apache.hive.service.rpc.thrift.TDownloadDataReq;
import org.apache.hive.service.rpc.thrift.TDownloadDataResp;
import org.apache.hive.service.rpc.thrift.TExecuteStatementReq;
import org.apache.hive.service.rpc.thrift.TExecuteStatementResp;
import org.apache.hive.service.rpc.thrift.TFetchOrientation;
import org.apache.hive.service.rpc.thrift.TFetchResultsReq;
import org.apache.hive.service.rpc.thrift.TFetchResultsResp;
import org.apache.hive.service.rpc.thrift.TGetCatalogsReq;
import org.apache.hive.service.rpc.thrift.TGetCatalogsResp;
import org.apache.hive.service.rpc.thrift.TGetColumnsReq;
import org.apache.hive.service.rpc.thrift.TGetColumnsResp;
import org.apache.hive.service.rpc.thrift.TGetCrossReferenceReq;
import org.apache.hive.service.rpc.thrift.TGetCrossReferenceResp;
import org.apache.hive.service.rpc.thrift.TGetDelegationTokenReq;
import org.apache.hive.service.rpc.thrift.TGetDelegationTokenResp;
import org.apache.hive.service.rpc.thrift.TGetFunctionsReq;
import org.apache.hive.service.rpc.thrift.TGetFunctionsResp;
import org.apache.hive.service.rpc.thrift.TGetInfoReq;
import org.apache.hive.service.rpc.thrift.TGetInfoResp;
import org.apache.hive.service.rpc.thrift.TGetInfoType;
import org.apache.hive.service.rpc.thrift.TGetInfoValue;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusReq;
import org.apache.hive.service.rpc.thrift.TGetOperationStatusResp;
import org.apache.hive.service.rpc.thrift.TGetPrimaryKeysReq;
import org.apache.hive.service.rpc.thrift.TGetPrimaryKeysResp;
import org.apache.hive.service.rpc.thrift.TGetQueryIdReq;
import org.apache.hive.service.rpc.thrift.TGetQueryIdResp;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataReq;
import org.apache.hive.service.rpc.thrift.TGetResultSetMetadataResp;
import org.apache.hive.service.rpc.thrift.TGetSchemasReq;
import org.apache.hive.service.rpc.thrift.TGetSchemasResp;
import org.apache.hive.service.rpc.thrift.TGetTableTypesReq;
import org.apache.hive.service.rpc.thrift.TGetTableTypesResp;
import org.apache.hive.service.rpc.thrift.TGetTablesReq;
import org.apache.hive.service.rpc.thrift.TGetTablesResp;
import org.apache.hive.service.rpc.thrift.TGetTypeInfoReq;
import org.apache.hive.service.rpc.thrift.TGetTypeInfoResp;
import org.apache.hive.service.rpc.thrift.THandleIdentifier;
import org.apache.hive.service.rpc.thrift.TOpenSessionReq;
import org.apache.hive.service.rpc.thrift.TOpenSessionResp;
import org.apache.hive.service.rpc.thrift.TOperationHandle;
import org.apache.hive.service.rpc.thrift.TOperationState;
import org.apache.hive.service.rpc.thrift.TPrimitiveTypeEntry;
import org.apache.hive.service.rpc.thrift.TProtocolVersion;
import org.apache.hive.service.rpc.thrift.TRenewDelegationTokenReq;
import org.apache.hive.service.rpc.thrift.TRenewDelegationTokenResp;
import org.apache.hive.service.rpc.thrift.TSessionHandle;
import org.apache.hive.service.rpc.thrift.TSetClientInfoReq;
import org.apache.hive.service.rpc.thrift.TSetClientInfoResp;
import org.apache.hive.service.rpc.thrift.TStatus;
import org.apache.hive.service.rpc.thrift.TTableSchema;
import org.apache.hive.service.rpc.thrift.TTypeDesc;
import org.apache.hive.service.rpc.thrift.TTypeEntry;
import org.apache.hive.service.rpc.thrift.TTypeQualifierValue;
import org.apache.hive.service.rpc.thrift.TTypeQualifiers;
import org.apache.hive.service.rpc.thrift.TUploadDataReq;
import org.apache.hive.service.rpc.thrift.TUploadDataResp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The HS2 TCLIService over {@link SluiceBackend}. Each call goes through {@link #call}, the one place that turns a
 * failure into a {@link TStatus}; no call ever throws to the Thrift processor.
 */
public final class ThriftCliService
        implements TCLIService.Iface
{
    private static final Logger log = LoggerFactory.getLogger(ThriftCliService.class);

    /** The newest protocol this server speaks; sessions use the lower of this and the client's. */
    public static final TProtocolVersion SERVER_PROTOCOL = TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V11;
    private static final short FETCH_TYPE_LOG = 1;
    private static final String ODBC_KEYWORDS = SluiceSqlParser.nonStandardKeywords();

    private final SluiceBackend backend;
    private final ServerConfig config;

    public ThriftCliService(SluiceBackend backend, ServerConfig config)
    {
        this.backend = requireNonNull(backend, "backend is null");
        this.config = requireNonNull(config, "config is null");
    }

    private interface Call<R>
    {
        R run(Caller caller);
    }

    private <R> R call(String name, Function<TStatus, R> failed, Call<R> body)
    {
        try {
            return body.run(CallContext.caller());
        }
        catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // Checked exceptions too: engine clients written in Scala throw them undeclared (engines wrap the rest).
            SluiceException exception = SluiceException.wrap(e);
            if (exception.errorCode().type() == ErrorType.INTERNAL_ERROR) {
                log.error("{} failed", name, e);
            }
            else {
                log.debug("{} failed: {}", name, exception.getMessage());
            }
            return failed.apply(ThriftStatuses.error(exception));
        }
    }

    @Override
    public TOpenSessionResp OpenSession(TOpenSessionReq request)
    {
        return call("OpenSession", status -> new TOpenSessionResp(status, SERVER_PROTOCOL), caller -> {
            TProtocolVersion protocol = TProtocolVersion.findByValue(Math.min(request.getClient_protocol().getValue(), SERVER_PROTOCOL.getValue()));
            Caller owner = caller;
            if (caller.user().isEmpty() && request.isSetUsername()) {
                // NOSASL carries the user in the request; SASL and HTTP authenticate it in the transport.
                owner = caller.withUser(request.getUsername());
            }
            if (owner.user().isEmpty()) {
                owner = owner.withUser("anonymous");
            }
            Map<String, String> configuration = request.isSetConfiguration() ? request.getConfiguration() : Map.of();
            Session session = backend.openSession(owner, protocol.getValue(), configuration);
            TOpenSessionResp response = new TOpenSessionResp(ThriftStatuses.success(), protocol);
            response.setSessionHandle(new TSessionHandle(handle(session.handle())));
            Map<String, String> serverConfiguration = new HashMap<>();
            serverConfiguration.put("hive.server2.thrift.resultset.default.fetch.size", String.valueOf(backend.config().defaultFetchRows()));
            serverConfiguration.put("use:database", session.currentDatabase());
            response.setConfiguration(serverConfiguration);
            return response;
        });
    }

    @Override
    public TCloseSessionResp CloseSession(TCloseSessionReq request)
    {
        return call("CloseSession", TCloseSessionResp::new, caller -> {
            backend.closeSession(handle(request.getSessionHandle().getSessionId()), caller);
            return new TCloseSessionResp(ThriftStatuses.success());
        });
    }

    @Override
    public TGetInfoResp GetInfo(TGetInfoReq request)
    {
        return call("GetInfo", status -> new TGetInfoResp(status, TGetInfoValue.stringValue("")), caller -> {
            Session session = backend.session(handle(request.getSessionHandle().getSessionId()), caller);
            TGetInfoValue value = info(request.getInfoType(), session.user());
            return new TGetInfoResp(ThriftStatuses.success(), value);
        });
    }

    /**
     * What HiveServer2, Spark's Thrift server and Kyuubi answer, and what the Simba-based Hive and Spark ODBC drivers
     * behind Power BI and Tableau ask for: names and version (configurable), name lengths, keywords, and the ODBC
     * facts of a read-mostly, non-transactional SQL engine.
     */
    private TGetInfoValue info(TGetInfoType type, String user)
    {
        return switch (type) {
            case CLI_SERVER_NAME -> TGetInfoValue.stringValue(config.serverName());
            case CLI_DBMS_NAME -> TGetInfoValue.stringValue(config.dbmsName());
            case CLI_DBMS_VER -> TGetInfoValue.stringValue(config.dbmsVersion());
            case CLI_DATA_SOURCE_NAME -> TGetInfoValue.stringValue(config.serverName());
            case CLI_ODBC_KEYWORDS -> TGetInfoValue.stringValue(ODBC_KEYWORDS);
            case CLI_MAX_IDENTIFIER_LEN, CLI_MAX_COLUMN_NAME_LEN, CLI_MAX_SCHEMA_NAME_LEN, CLI_MAX_TABLE_NAME_LEN, CLI_MAX_CATALOG_NAME_LEN,
                    CLI_MAX_USER_NAME_LEN, CLI_MAX_CURSOR_NAME_LEN -> TGetInfoValue.lenValue(config.maxIdentifierLength());
            // 0: no fixed limit, as ODBC defines it.
            case CLI_MAX_DRIVER_CONNECTIONS, CLI_MAX_CONCURRENT_ACTIVITIES, CLI_MAX_COLUMNS_IN_GROUP_BY, CLI_MAX_COLUMNS_IN_INDEX,
                    CLI_MAX_COLUMNS_IN_ORDER_BY, CLI_MAX_COLUMNS_IN_SELECT, CLI_MAX_COLUMNS_IN_TABLE, CLI_MAX_INDEX_SIZE, CLI_MAX_ROW_SIZE,
                    CLI_MAX_TABLES_IN_SELECT -> TGetInfoValue.lenValue(0);
            case CLI_MAX_STATEMENT_LEN -> TGetInfoValue.lenValue((int) Math.min(Integer.MAX_VALUE, config.maxFrameSize()));
            case CLI_IDENTIFIER_QUOTE_CHAR -> TGetInfoValue.stringValue("`");
            case CLI_SEARCH_PATTERN_ESCAPE -> TGetInfoValue.stringValue("\\");
            case CLI_SPECIAL_CHARACTERS -> TGetInfoValue.stringValue("");
            case CLI_USER_NAME -> TGetInfoValue.stringValue(user);
            case CLI_CATALOG_NAME -> TGetInfoValue.stringValue("N");
            case CLI_ACCESSIBLE_TABLES, CLI_ACCESSIBLE_PROCEDURES, CLI_DATA_SOURCE_READ_ONLY, CLI_ORDER_BY_COLUMNS_IN_SELECT,
                    CLI_DESCRIBE_PARAMETER -> TGetInfoValue.stringValue("N");
            case CLI_COLLATION_SEQ -> TGetInfoValue.stringValue("UTF-8");
            // SQL_TC_NONE, no isolation levels: statements commit as they run.
            case CLI_TXN_CAPABLE, CLI_DEFAULT_TXN_ISOLATION, CLI_TXN_ISOLATION_OPTION -> TGetInfoValue.smallIntValue((short) 0);
            // SQL_IC_MIXED: names are case-insensitive and kept as written.
            case CLI_IDENTIFIER_CASE -> TGetInfoValue.smallIntValue((short) 4);
            // SQL_NC_LOW: NULLs sort first ascending, as in Spark.
            case CLI_NULL_COLLATION -> TGetInfoValue.smallIntValue((short) 1);
            // SQL_CB_PRESERVE: cursors stay open across a commit.
            case CLI_CURSOR_COMMIT_BEHAVIOR -> TGetInfoValue.smallIntValue((short) 2);
            // SQL_FD_FETCH_NEXT.
            case CLI_FETCH_DIRECTION -> TGetInfoValue.integerBitmask(1);
            // SQL_SCCO_READ_ONLY.
            case CLI_SCROLL_CONCURRENCY -> TGetInfoValue.integerBitmask(1);
            // SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NOT_ORDERED | SQL_OJ_ALL_COMPARISON_OPS.
            case CLI_OJ_CAPABILITIES -> TGetInfoValue.integerBitmask(0x01 | 0x02 | 0x04 | 0x10 | 0x40);
            // SQL_AT_ADD_COLUMN.
            case CLI_ALTER_TABLE -> TGetInfoValue.integerBitmask(0x01);
            case CLI_GETDATA_EXTENSIONS, CLI_CURSOR_SENSITIVITY -> TGetInfoValue.integerBitmask(0);
            case CLI_INTEGRITY -> TGetInfoValue.stringValue("N");
            case CLI_XOPEN_CLI_YEAR -> TGetInfoValue.stringValue("1995");
            default -> throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Unrecognized GetInfoType value: " + type);
        };
    }

    @Override
    public TExecuteStatementResp ExecuteStatement(TExecuteStatementReq request)
    {
        return call("ExecuteStatement", TExecuteStatementResp::new, caller -> {
            Map<String, String> overlay = request.isSetConfOverlay() ? request.getConfOverlay() : Map.of();
            Duration timeout = Duration.ofSeconds(Math.max(0, request.getQueryTimeout()));
            Operation operation = backend.executeStatement(handle(request.getSessionHandle().getSessionId()), caller, request.getStatement(), overlay, request.isRunAsync(), timeout);
            if (!request.isRunAsync() && operation.state() == OperationState.ERROR) {
                // A synchronous statement reports its failure right here, as HiveServer2 does.
                SluiceException failure = operation.failure().orElseThrow();
                backend.closeOperation(operation.handle(), caller);
                throw failure;
            }
            TExecuteStatementResp response = new TExecuteStatementResp(ThriftStatuses.success());
            response.setOperationHandle(operationHandle(operation));
            return response;
        });
    }

    @Override
    public TGetTypeInfoResp GetTypeInfo(TGetTypeInfoReq request)
    {
        return call("GetTypeInfo", TGetTypeInfoResp::new, caller -> withHandle(new TGetTypeInfoResp(ThriftStatuses.success()), TGetTypeInfoResp::setOperationHandle, backend.getTypeInfo(handle(request.getSessionHandle().getSessionId()), caller)));
    }

    @Override
    public TGetCatalogsResp GetCatalogs(TGetCatalogsReq request)
    {
        return call("GetCatalogs", TGetCatalogsResp::new, caller -> withHandle(new TGetCatalogsResp(ThriftStatuses.success()), TGetCatalogsResp::setOperationHandle, backend.getCatalogs(handle(request.getSessionHandle().getSessionId()), caller)));
    }

    @Override
    public TGetSchemasResp GetSchemas(TGetSchemasReq request)
    {
        return call("GetSchemas", TGetSchemasResp::new, caller -> withHandle(new TGetSchemasResp(ThriftStatuses.success()), TGetSchemasResp::setOperationHandle, backend.getSchemas(handle(request.getSessionHandle().getSessionId()), caller, request.getCatalogName(), request.getSchemaName())));
    }

    @Override
    public TGetTablesResp GetTables(TGetTablesReq request)
    {
        return call("GetTables", TGetTablesResp::new, caller -> withHandle(new TGetTablesResp(ThriftStatuses.success()), TGetTablesResp::setOperationHandle, backend.getTables(handle(request.getSessionHandle().getSessionId()), caller,
                        request.getCatalogName(), request.getSchemaName(), request.getTableName(), request.getTableTypes())));
    }

    @Override
    public TGetTableTypesResp GetTableTypes(TGetTableTypesReq request)
    {
        return call("GetTableTypes", TGetTableTypesResp::new, caller -> withHandle(new TGetTableTypesResp(ThriftStatuses.success()), TGetTableTypesResp::setOperationHandle, backend.getTableTypes(handle(request.getSessionHandle().getSessionId()), caller)));
    }

    @Override
    public TGetColumnsResp GetColumns(TGetColumnsReq request)
    {
        return call("GetColumns", TGetColumnsResp::new, caller -> withHandle(new TGetColumnsResp(ThriftStatuses.success()), TGetColumnsResp::setOperationHandle, backend.getColumns(handle(request.getSessionHandle().getSessionId()), caller,
                        request.getCatalogName(), request.getSchemaName(), request.getTableName(), request.getColumnName())));
    }

    @Override
    public TGetFunctionsResp GetFunctions(TGetFunctionsReq request)
    {
        return call("GetFunctions", TGetFunctionsResp::new, caller -> withHandle(new TGetFunctionsResp(ThriftStatuses.success()), TGetFunctionsResp::setOperationHandle, backend.getFunctions(handle(request.getSessionHandle().getSessionId()), caller, request.getFunctionName())));
    }

    @Override
    public TGetPrimaryKeysResp GetPrimaryKeys(TGetPrimaryKeysReq request)
    {
        return call("GetPrimaryKeys", TGetPrimaryKeysResp::new, caller -> withHandle(new TGetPrimaryKeysResp(ThriftStatuses.success()), TGetPrimaryKeysResp::setOperationHandle, backend.getPrimaryKeys(handle(request.getSessionHandle().getSessionId()), caller,
                        request.getSchemaName(), request.getTableName())));
    }

    @Override
    public TGetCrossReferenceResp GetCrossReference(TGetCrossReferenceReq request)
    {
        return call("GetCrossReference", TGetCrossReferenceResp::new, caller -> withHandle(new TGetCrossReferenceResp(ThriftStatuses.success()), TGetCrossReferenceResp::setOperationHandle, backend.getCrossReference(handle(request.getSessionHandle().getSessionId()), caller,
                        request.getParentSchemaName(), request.getParentTableName(), request.getForeignSchemaName(), request.getForeignTableName())));
    }

    @Override
    public TGetOperationStatusResp GetOperationStatus(TGetOperationStatusReq request)
    {
        return call("GetOperationStatus", TGetOperationStatusResp::new, caller -> {
            Operation operation = backend.operation(handle(request.getOperationHandle().getOperationId()), caller);
            OperationState state = backend.operationStatus(operation);
            TGetOperationStatusResp response = new TGetOperationStatusResp(ThriftStatuses.success());
            response.setOperationState(operationState(state));
            response.setOperationStarted(operation.createTime());
            response.setOperationCompleted(operation.completeTime());
            response.setHasResultSet(operation.hasResultSet());
            response.setNumModifiedRows(Math.max(0, operation.updateCount()));
            Optional<SluiceException> failure = operation.failure();
            if (state == OperationState.ERROR && failure.isPresent()) {
                response.setErrorMessage(failure.get().getMessage());
                response.setSqlState(failure.get().errorCode().sqlState());
                response.setErrorCode(failure.get().errorCode().code());
            }
            return response;
        });
    }

    @Override
    public TCancelOperationResp CancelOperation(TCancelOperationReq request)
    {
        return call("CancelOperation", TCancelOperationResp::new, caller -> {
            backend.cancelOperation(handle(request.getOperationHandle().getOperationId()), caller);
            return new TCancelOperationResp(ThriftStatuses.success());
        });
    }

    @Override
    public TCloseOperationResp CloseOperation(TCloseOperationReq request)
    {
        return call("CloseOperation", TCloseOperationResp::new, caller -> {
            backend.closeOperation(handle(request.getOperationHandle().getOperationId()), caller);
            return new TCloseOperationResp(ThriftStatuses.success());
        });
    }

    @Override
    public TGetResultSetMetadataResp GetResultSetMetadata(TGetResultSetMetadataReq request)
    {
        return call("GetResultSetMetadata", TGetResultSetMetadataResp::new, caller -> {
            Operation operation = backend.operation(handle(request.getOperationHandle().getOperationId()), caller);
            TGetResultSetMetadataResp response = new TGetResultSetMetadataResp(ThriftStatuses.success());
            if (operation.arrowResults()) {
                // Kyuubi's driver reads the format from these hints and builds the Arrow schema from the HS2 one.
                response.getStatus().setInfoMessages(List.of(ArrowRowSets.FORMAT_HINT, ArrowRowSets.TIMESTAMP_HINT));
                response.setSchema(schema(operation.resultColumns().stream()
                        .map(column -> new Column(column.name(), ArrowRowSets.reported(column.type()), column.comment()))
                        .toList()));
            }
            else {
                response.setSchema(schema(operation.resultColumns()));
            }
            return response;
        });
    }

    @Override
    public TFetchResultsResp FetchResults(TFetchResultsReq request)
    {
        return call("FetchResults", TFetchResultsResp::new, caller -> {
            Operation operation = backend.operation(handle(request.getOperationHandle().getOperationId()), caller);
            int protocol = operation.session().protocolVersion();
            boolean fromStart = request.getOrientation() == TFetchOrientation.FETCH_FIRST;
            if (request.getOrientation() != TFetchOrientation.FETCH_NEXT && !fromStart) {
                throw new SluiceException(ErrorCode.NOT_SUPPORTED, "Fetch orientation " + request.getOrientation() + " is not supported; use FETCH_NEXT or FETCH_FIRST");
            }
            TFetchResultsResp response = new TFetchResultsResp(ThriftStatuses.success());
            if (request.getFetchType() == FETCH_TYPE_LOG) {
                int maxLines = (int) Math.max(1, Math.min(request.getMaxRows(), backend.config().maxFetchRows()));
                response.setResults(RowSets.strings(operation.log().read(fromStart, maxLines), protocol));
                response.setHasMoreRows(false);
                return response;
            }
            List<Column> columns = operation.resultColumns();
            Optional<RowBatch> batch = backend.fetch(operation, request.getMaxRows(), fromStart);
            if (operation.arrowResults()) {
                response.setResults(batch.map(rows -> ArrowRowSets.toRowSet(columns, rows)).orElseGet(ArrowRowSets::end));
            }
            else {
                response.setResults(batch.map(rows -> RowSets.toRowSet(columns, rows, 0, protocol)).orElseGet(() -> RowSets.empty(columns, protocol)));
            }
            response.setHasMoreRows(batch.isPresent());
            return response;
        });
    }

    @Override
    public TGetDelegationTokenResp GetDelegationToken(TGetDelegationTokenReq request)
    {
        return this.<TGetDelegationTokenResp>call("GetDelegationToken", TGetDelegationTokenResp::new, caller -> {
            throw delegationTokensNotSupported();
        });
    }

    @Override
    public TCancelDelegationTokenResp CancelDelegationToken(TCancelDelegationTokenReq request)
    {
        return this.<TCancelDelegationTokenResp>call("CancelDelegationToken", TCancelDelegationTokenResp::new, caller -> {
            throw delegationTokensNotSupported();
        });
    }

    @Override
    public TRenewDelegationTokenResp RenewDelegationToken(TRenewDelegationTokenReq request)
    {
        return this.<TRenewDelegationTokenResp>call("RenewDelegationToken", TRenewDelegationTokenResp::new, caller -> {
            throw delegationTokensNotSupported();
        });
    }

    private static SluiceException delegationTokensNotSupported()
    {
        return new SluiceException(ErrorCode.NOT_SUPPORTED, "Delegation tokens are not supported by Sluice: it does not use Kerberos");
    }

    @Override
    public TGetQueryIdResp GetQueryId(TGetQueryIdReq request)
            throws org.apache.thrift.TException
    {
        // TGetQueryIdResp has no status: a failure can only travel as a Thrift exception, which the drivers expect here.
        Operation operation;
        try {
            operation = backend.operation(handle(request.getOperationHandle().getOperationId()), CallContext.caller());
        }
        catch (SluiceException e) {
            throw new org.apache.thrift.TApplicationException(org.apache.thrift.TApplicationException.UNKNOWN, e.getMessage());
        }
        return new TGetQueryIdResp(operation.queryId());
    }

    @Override
    public TSetClientInfoResp SetClientInfo(TSetClientInfoReq request)
    {
        return call("SetClientInfo", TSetClientInfoResp::new, caller -> {
            Session session = backend.session(handle(request.getSessionHandle().getSessionId()), caller);
            if (request.isSetConfiguration()) {
                session.clientInfo().putAll(request.getConfiguration());
            }
            return new TSetClientInfoResp(ThriftStatuses.success());
        });
    }

    @Override
    public TUploadDataResp UploadData(TUploadDataReq request)
    {
        return this.<TUploadDataResp>call("UploadData", status -> new TUploadDataResp(status, null), caller -> {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "UploadData is not supported by Sluice");
        });
    }

    @Override
    public TDownloadDataResp DownloadData(TDownloadDataReq request)
    {
        return this.<TDownloadDataResp>call("DownloadData", status -> new TDownloadDataResp(status, null), caller -> {
            throw new SluiceException(ErrorCode.NOT_SUPPORTED, "DownloadData is not supported by Sluice");
        });
    }

    private static <R> R withHandle(R response, java.util.function.BiConsumer<R, TOperationHandle> setter, Operation operation)
    {
        setter.accept(response, operationHandle(operation));
        return response;
    }

    private static HandleId handle(THandleIdentifier identifier)
    {
        if (identifier == null) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request has no handle");
        }
        return HandleId.fromBytes(identifier.getGuid(), identifier.getSecret());
    }

    private static THandleIdentifier handle(HandleId handle)
    {
        return new THandleIdentifier(java.nio.ByteBuffer.wrap(handle.idBytes()), java.nio.ByteBuffer.wrap(handle.secretBytes()));
    }

    private static TOperationHandle operationHandle(Operation operation)
    {
        TOperationHandle handle = new TOperationHandle(handle(operation.handle()), operationType(operation.type()), operation.hasResultSet());
        if (operation.updateCount() >= 0) {
            handle.setModifiedRowCount(operation.updateCount());
        }
        return handle;
    }

    private static org.apache.hive.service.rpc.thrift.TOperationType operationType(OperationType type)
    {
        return switch (type) {
            case EXECUTE_STATEMENT -> org.apache.hive.service.rpc.thrift.TOperationType.EXECUTE_STATEMENT;
            case GET_TYPE_INFO -> org.apache.hive.service.rpc.thrift.TOperationType.GET_TYPE_INFO;
            case GET_CATALOGS -> org.apache.hive.service.rpc.thrift.TOperationType.GET_CATALOGS;
            case GET_SCHEMAS -> org.apache.hive.service.rpc.thrift.TOperationType.GET_SCHEMAS;
            case GET_TABLES -> org.apache.hive.service.rpc.thrift.TOperationType.GET_TABLES;
            case GET_TABLE_TYPES -> org.apache.hive.service.rpc.thrift.TOperationType.GET_TABLE_TYPES;
            case GET_COLUMNS -> org.apache.hive.service.rpc.thrift.TOperationType.GET_COLUMNS;
            case GET_FUNCTIONS -> org.apache.hive.service.rpc.thrift.TOperationType.GET_FUNCTIONS;
            case GET_PRIMARY_KEYS, GET_CROSS_REFERENCE -> org.apache.hive.service.rpc.thrift.TOperationType.UNKNOWN;
        };
    }

    private static TOperationState operationState(OperationState state)
    {
        return switch (state) {
            case INITIALIZED -> TOperationState.INITIALIZED_STATE;
            case PENDING -> TOperationState.PENDING_STATE;
            case RUNNING -> TOperationState.RUNNING_STATE;
            case FINISHED -> TOperationState.FINISHED_STATE;
            case CANCELED -> TOperationState.CANCELED_STATE;
            case TIMEDOUT -> TOperationState.TIMEDOUT_STATE;
            case ERROR -> TOperationState.ERROR_STATE;
            case CLOSED -> TOperationState.CLOSED_STATE;
        };
    }

    static TTableSchema schema(List<Column> columns)
    {
        TTableSchema schema = new TTableSchema(new java.util.ArrayList<>());
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            TColumnDesc descriptor = new TColumnDesc(column.name(), typeDescriptor(column.type()), i + 1);
            column.comment().ifPresent(descriptor::setComment);
            schema.addToColumns(descriptor);
        }
        return schema;
    }

    private static TTypeDesc typeDescriptor(SluiceType type)
    {
        TPrimitiveTypeEntry entry = new TPrimitiveTypeEntry(HiveTypes.typeId(type));
        Map<String, TTypeQualifierValue> qualifiers = new HashMap<>();
        switch (type.kind()) {
            case DECIMAL -> {
                qualifiers.put("precision", TTypeQualifierValue.i32Value(type.precision()));
                qualifiers.put("scale", TTypeQualifierValue.i32Value(type.scale()));
            }
            case CHAR, VARCHAR -> qualifiers.put("characterMaximumLength", TTypeQualifierValue.i32Value(type.precision()));
            default -> {
            }
        }
        if (!qualifiers.isEmpty()) {
            entry.setTypeQualifiers(new TTypeQualifiers(qualifiers));
        }
        return new TTypeDesc(List.of(TTypeEntry.primitiveEntry(entry)));
    }
}
