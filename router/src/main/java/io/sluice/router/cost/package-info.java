/**
 * The cost-based choice of an engine for one statement: a description of the statement ({@link io.sluice.router.cost.StatementProfile}),
 * each engine's declared capacity ({@link io.sluice.router.cost.EngineProfile}) and current state
 * ({@link io.sluice.router.cost.EngineState}) go in; a {@link io.sluice.router.cost.RouteDecision} with every
 * candidate's feasibility, estimated cost and reason comes out. Nothing here knows the gateway or an engine's internals.
 */
package io.sluice.router.cost;
