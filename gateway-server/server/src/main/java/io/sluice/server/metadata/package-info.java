/** The result sets of the HS2 metadata calls (GetTables, GetColumns, ...), with the columns JDBC specifies. */
package io.sluice.server.metadata;
