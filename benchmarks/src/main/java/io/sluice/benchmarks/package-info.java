/** Benchmarks that compare Sluice with the engine behind it, side by side in one run. */
package io.sluice.benchmarks;
