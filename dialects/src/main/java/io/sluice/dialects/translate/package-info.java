/**
 * Translation of validated statements into each engine's SQL: function and operator rewrites with Spark's
 * semantics, type names, NULL ordering, and the statements (DDL, INSERT OVERWRITE) whose shape differs.
 */
package io.sluice.dialects.translate;
