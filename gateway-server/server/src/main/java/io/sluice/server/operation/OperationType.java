package io.sluice.server.operation;

/** What an operation does; mirrors the HS2 operation types. */
public enum OperationType
{
    EXECUTE_STATEMENT,
    GET_TYPE_INFO,
    GET_CATALOGS,
    GET_SCHEMAS,
    GET_TABLES,
    GET_TABLE_TYPES,
    GET_COLUMNS,
    GET_FUNCTIONS,
    GET_PRIMARY_KEYS,
    GET_CROSS_REFERENCE,
}
