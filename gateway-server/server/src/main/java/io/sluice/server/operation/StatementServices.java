package io.sluice.server.operation;

import io.sluice.router.EngineRouter;
import io.sluice.server.access.AccessCommands;
import io.sluice.server.catalog.CatalogCache;
import io.sluice.server.catalog.SluiceCatalogs;
import io.sluice.server.jobs.ManagementCommands;
import io.sluice.server.routing.QueryRecorder;
import io.sluice.server.routing.StatementRouting;

import static java.util.Objects.requireNonNull;

/** What a statement's operation runs with: the engines and the router, Sluice's catalogs, routing, the query history, jobs and the rest of Sluice's own objects, access control. */
public record StatementServices(EngineRouter router, SluiceCatalogs catalogs, StatementRouting routing, QueryRecorder recorder, ManagementCommands management, CatalogCache catalogCache,
        AccessCommands access)
{
    public StatementServices
    {
        requireNonNull(router, "router is null");
        requireNonNull(catalogs, "catalogs is null");
        requireNonNull(routing, "routing is null");
        requireNonNull(recorder, "recorder is null");
        requireNonNull(management, "management is null");
        requireNonNull(catalogCache, "catalogCache is null");
        requireNonNull(access, "access is null");
    }
}
