/**
 * Validation of parsed statements with Calcite's validator against Sluice's catalogs: unknown tables,
 * columns and functions fail here, before any engine is touched, and expression types are derived for
 * the translation to each engine.
 */
package io.sluice.dialects.validate;
