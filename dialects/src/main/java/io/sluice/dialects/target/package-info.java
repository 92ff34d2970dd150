/**
 * One Calcite {@code SqlDialect} per engine Sluice writes SQL for, and the mapping of Sluice's types to each
 * engine's type names.
 */
package io.sluice.dialects.target;
