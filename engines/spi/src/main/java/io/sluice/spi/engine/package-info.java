/**
 * The engine SPI: an {@link io.sluice.spi.engine.EngineFactory} found with {@link java.util.ServiceLoader} creates an
 * {@link io.sluice.spi.engine.Engine}; each Sluice session opens an {@link io.sluice.spi.engine.EngineSession} on it and
 * runs {@link io.sluice.spi.engine.EngineStatement}s that stream {@link io.sluice.spi.RowBatch}es.
 */
package io.sluice.spi.engine;
