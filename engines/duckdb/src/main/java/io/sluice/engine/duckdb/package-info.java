/** The embedded DuckDB engine: one database per Sluice, one connection per Sluice session, streamed results. */
package io.sluice.engine.duckdb;
