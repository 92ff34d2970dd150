/**
 * One view of databases, tables and statistics across the lakehouse. Empty until the catalog issue: metadata
 * comes from each engine's own catalog ({@link io.sluice.spi.metadata.EngineMetadata}) until then.
 */
package io.sluice.catalogs;
