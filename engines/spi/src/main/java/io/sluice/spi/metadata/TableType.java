package io.sluice.spi.metadata;

/** The table types of JDBC's {@code getTables}, as Hive names them. */
public enum TableType
{
    TABLE,
    VIEW,
}
