/**
 * A local Flink for development and tests: a MiniCluster and the SQL Gateway in one JVM.
 */
package io.sluice.engine.flink.local;
