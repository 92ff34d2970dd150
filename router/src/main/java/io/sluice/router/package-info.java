/**
 * Engine selection for each statement: the engines this server runs ({@link io.sluice.router.EngineRegistry}), their
 * health, load and catalogs as probed in the background ({@link io.sluice.router.EngineMonitor}), and the choice of
 * engine ({@link io.sluice.router.EngineRouter}): the pinned one, or the cost-based choice of
 * {@link io.sluice.router.cost.CostRouter}.
 */
package io.sluice.router;
