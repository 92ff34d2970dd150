/**
 * The differential fuzzer: random, well-typed Spark SQL over fixed tables ({@link io.sluice.dialects.fuzz.FuzzTables}),
 * answered by Spark as written and by Sluice on another engine; any difference where Sluice did not refuse is a
 * wrong answer, shrunk to a minimal statement ({@link io.sluice.dialects.fuzz.DifferentialFuzz}).
 */
package io.sluice.dialects.fuzz;
