/**
 * Sluice's SQL parser: Calcite's grammar extended by template (see {@code src/main/codegen}), configured per
 * input dialect.
 */
package io.sluice.dialects.parser;
