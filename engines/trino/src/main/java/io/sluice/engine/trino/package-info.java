/**
 * Trino as a Sluice engine, reached through Trino's client protocol ({@code io.trino:trino-client}).
 */
package io.sluice.engine.trino;
