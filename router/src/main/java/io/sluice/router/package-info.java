/**
 * Engine selection for each statement. Today: the engine the session or statement pins, else the configured
 * default engine. The cost-based choice among feasible engines plugs in behind {@link io.sluice.router.EngineRouter}.
 */
package io.sluice.router;
