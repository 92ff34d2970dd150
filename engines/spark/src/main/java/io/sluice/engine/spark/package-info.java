/**
 * Apache Spark as a Sluice engine, reached through Spark Connect ({@code spark-connect-client-jvm}).
 */
package io.sluice.engine.spark;
