/**
 * Parsing with Calcite in the session's dialect and unparsing for the chosen engine. Empty until the dialect
 * issue: statements reach engines in the engine's own dialect until then.
 */
package io.sluice.dialects;
