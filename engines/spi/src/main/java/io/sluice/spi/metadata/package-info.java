/** Metadata an engine exposes to Sluice's metadata RPCs and commands: databases, tables, columns, functions, keys. */
package io.sluice.spi.metadata;
