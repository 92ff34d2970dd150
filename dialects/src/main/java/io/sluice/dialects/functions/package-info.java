/**
 * Spark's functions and operators and how each engine computes them: the operator table the validator types
 * them with, and per engine a rewrite that keeps Spark's semantics or refuses the function by name.
 */
package io.sluice.dialects.functions;
