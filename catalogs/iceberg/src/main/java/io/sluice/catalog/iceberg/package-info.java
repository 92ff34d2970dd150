/**
 * The lakehouse catalog: Iceberg tables in the warehouse, their state in Sluice's metadata store, served to every
 * engine over the Iceberg REST catalog protocol.
 */
package io.sluice.catalog.iceberg;
