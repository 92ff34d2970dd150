/**
 * Apache Flink as a Sluice engine, reached through the Flink SQL Gateway's REST API (v3).
 */
package io.sluice.engine.flink;
