/**
 * Parse-tree nodes for the Spark/Hive statements and Sluice extensions that Calcite's core grammar
 * lacks; queries use Calcite's own nodes.
 */
package io.sluice.dialects.ast;
