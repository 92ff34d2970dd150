package io.sluice.catalog.iceberg;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CommitTransactionRequest;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.CreateViewRequest;
import org.apache.iceberg.rest.requests.RegisterTableRequest;
import org.apache.iceberg.rest.requests.RenameTableRequest;
import org.apache.iceberg.rest.requests.ReportMetricsRequest;
import org.apache.iceberg.rest.requests.UpdateNamespacePropertiesRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Iceberg REST catalog protocol over the lakehouse catalog, free of any HTTP library: the gateway hands it the
 * method, the path below {@code /iceberg}, the query and the body, and writes back the answer. Requests and answers
 * use Iceberg's own wire classes ({@link CatalogHandlers}, {@link RESTSerializers}); the routes are Iceberg's
 * {@link Endpoint}s, and {@code GET /v1/config} advertises exactly the ones served. Errors are Iceberg's error model
 * ({@code {"error": {"message", "type", "code"}}}), so that engine clients retry what they should (409 on a commit
 * whose requirements fail); a failed request changes nothing.
 */
public final class IcebergRestService
{
    private static final Logger log = LoggerFactory.getLogger(IcebergRestService.class);

    /** An answer: the HTTP status and, unless 204, a JSON body. */
    public record Reply(int status, Optional<String> body)
    {
        public Reply
        {
            requireNonNull(body, "body is null");
        }
    }

    @FunctionalInterface
    private interface Handler
    {
        Object handle(Map<String, String> parameters, Map<String, String> query, byte[] body)
                throws IOException;
    }

    private record Route(Endpoint endpoint, List<String> segments, Handler handler) {}

    /** The spec's default separator of namespace levels in a path segment, URL-encoded (0x1F). */
    private static final String NAMESPACE_SEPARATOR = "%1F";
    private static final int DEFAULT_PAGE_SIZE = 1000;

    private final LakehouseCatalog lakehouse;
    private final JdbcCatalog catalog;
    private final ObjectMapper mapper;
    private final List<Route> routes = new ArrayList<>();

    public IcebergRestService(LakehouseCatalog lakehouse)
    {
        this.lakehouse = requireNonNull(lakehouse, "lakehouse is null");
        this.catalog = lakehouse.catalog();
        this.mapper = new ObjectMapper()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
        RESTSerializers.registerAll(mapper);

        route(Endpoint.V1_LIST_NAMESPACES, (path, query, body) -> {
            Namespace parent = query.containsKey("parent") ? RESTUtil.namespaceFromQueryParam(query.get("parent"), NAMESPACE_SEPARATOR) : Namespace.empty();
            return paged(query) ? CatalogHandlers.listNamespaces(catalog, parent, query.get("pageToken"), pageSize(query)) : CatalogHandlers.listNamespaces(catalog, parent);
        });
        route(Endpoint.V1_CREATE_NAMESPACE, (path, query, body) -> CatalogHandlers.createNamespace(catalog, read(body, CreateNamespaceRequest.class)));
        route(Endpoint.V1_LOAD_NAMESPACE, (path, query, body) -> CatalogHandlers.loadNamespace(catalog, namespace(path)));
        route(Endpoint.V1_NAMESPACE_EXISTS, (path, query, body) -> {
            CatalogHandlers.namespaceExists(catalog, namespace(path));
            return null;
        });
        route(Endpoint.V1_DELETE_NAMESPACE, (path, query, body) -> {
            CatalogHandlers.dropNamespace(catalog, namespace(path));
            return null;
        });
        route(Endpoint.V1_UPDATE_NAMESPACE, (path, query, body) ->
                CatalogHandlers.updateNamespaceProperties(catalog, namespace(path), read(body, UpdateNamespacePropertiesRequest.class)));

        route(Endpoint.V1_LIST_TABLES, (path, query, body) -> paged(query)
                ? CatalogHandlers.listTables(catalog, namespace(path), query.get("pageToken"), pageSize(query))
                : CatalogHandlers.listTables(catalog, namespace(path)));
        route(Endpoint.V1_CREATE_TABLE, (path, query, body) -> {
            CreateTableRequest request = read(body, CreateTableRequest.class);
            if (request.location() != null) {
                lakehouse.checkInWarehouse(request.location());
            }
            return request.stageCreate()
                    ? CatalogHandlers.stageTableCreate(catalog, namespace(path), request)
                    : CatalogHandlers.createTable(catalog, namespace(path), request);
        });
        route(Endpoint.V1_REGISTER_TABLE, (path, query, body) -> {
            RegisterTableRequest request = read(body, RegisterTableRequest.class);
            lakehouse.checkInWarehouse(request.metadataLocation());
            return CatalogHandlers.registerTable(catalog, namespace(path), request);
        });
        route(Endpoint.V1_LOAD_TABLE, (path, query, body) -> CatalogHandlers.loadTable(catalog, table(path), snapshotMode(query)));
        route(Endpoint.V1_TABLE_EXISTS, (path, query, body) -> {
            CatalogHandlers.tableExists(catalog, table(path));
            return null;
        });
        route(Endpoint.V1_UPDATE_TABLE, (path, query, body) -> {
            UpdateTableRequest request = read(body, UpdateTableRequest.class);
            for (MetadataUpdate update : request.updates()) {
                if (update instanceof MetadataUpdate.SetLocation setLocation) {
                    lakehouse.checkInWarehouse(setLocation.location());
                }
            }
            return CatalogHandlers.updateTable(catalog, table(path), request);
        });
        route(Endpoint.V1_COMMIT_TRANSACTION, (path, query, body) -> {
            lakehouse.commitTransaction(read(body, CommitTransactionRequest.class).tableChanges());
            return null;
        });
        route(Endpoint.V1_DELETE_TABLE, (path, query, body) -> {
            if (Boolean.parseBoolean(query.getOrDefault("purgeRequested", "false"))) {
                CatalogHandlers.purgeTable(catalog, table(path));
            }
            else {
                CatalogHandlers.dropTable(catalog, table(path));
            }
            return null;
        });
        route(Endpoint.V1_RENAME_TABLE, (path, query, body) -> {
            CatalogHandlers.renameTable(catalog, read(body, RenameTableRequest.class));
            return null;
        });
        // Trino sends the metrics of every scan and commit; Sluice accepts them (its own statistics come from the tables).
        route(Endpoint.V1_REPORT_METRICS, (path, query, body) -> {
            read(body, ReportMetricsRequest.class);
            return null;
        });

        route(Endpoint.V1_LIST_VIEWS, (path, query, body) -> paged(query)
                ? CatalogHandlers.listViews(catalog, namespace(path), query.get("pageToken"), pageSize(query))
                : CatalogHandlers.listViews(catalog, namespace(path)));
        route(Endpoint.V1_CREATE_VIEW, (path, query, body) -> {
            CreateViewRequest request = read(body, CreateViewRequest.class);
            if (request.location() != null) {
                lakehouse.checkInWarehouse(request.location());
            }
            return CatalogHandlers.createView(catalog, namespace(path), request);
        });
        route(Endpoint.V1_LOAD_VIEW, (path, query, body) -> CatalogHandlers.loadView(catalog, view(path)));
        route(Endpoint.V1_VIEW_EXISTS, (path, query, body) -> {
            CatalogHandlers.viewExists(catalog, view(path));
            return null;
        });
        route(Endpoint.V1_UPDATE_VIEW, (path, query, body) -> CatalogHandlers.updateView(catalog, view(path), read(body, UpdateTableRequest.class)));
        route(Endpoint.V1_DELETE_VIEW, (path, query, body) -> {
            CatalogHandlers.dropView(catalog, view(path));
            return null;
        });
        route(Endpoint.V1_RENAME_VIEW, (path, query, body) -> {
            CatalogHandlers.renameView(catalog, read(body, RenameTableRequest.class));
            return null;
        });
    }

    private void route(Endpoint endpoint, Handler handler)
    {
        // Sluice serves the catalog without a prefix: the template's {prefix} segment is absent from request paths.
        List<String> segments = new ArrayList<>(List.of(endpoint.path().replaceFirst("^/", "").split("/")));
        segments.remove("{prefix}");
        routes.add(new Route(endpoint, List.copyOf(segments), handler));
    }

    /**
     * Answers one request. {@code path} is what follows {@code /iceberg}, still URL-encoded ({@code /v1/namespaces/a%1Fb});
     * {@code query} holds decoded parameters.
     */
    public Reply handle(String method, String path, Map<String, String> query, byte[] body)
    {
        try {
            return route(method, path, query, body);
        }
        catch (RuntimeException e) {
            return failure(method, path, e);
        }
    }

    private Reply route(String method, String path, Map<String, String> query, byte[] body)
    {
        List<String> segments = List.of(path.replaceFirst("^/", "").replaceFirst("/$", "").split("/"));
        if (segments.equals(List.of("v1", "config"))) {
            return method.equals("GET") ? json(200, config()) : error(405, "MethodNotAllowed", "Use GET for /v1/config");
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = match(route.segments(), segments);
            if (parameters.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (!route.endpoint().httpMethod().equalsIgnoreCase(method)) {
                continue;
            }
            try {
                Object response = route.handler().handle(parameters.get(), query, body);
                return response == null ? new Reply(204, Optional.empty()) : json(200, response);
            }
            catch (RuntimeException | IOException e) {
                return failure(method, path, e);
            }
        }
        if (pathKnown) {
            return error(405, "MethodNotAllowed", "Method " + method + " is not allowed for " + path);
        }
        return error(404, "NoSuchEndpointException", "No Iceberg REST endpoint " + method + " " + path);
    }

    /** The catalog's configuration: no defaults or overrides, and the endpoints served (so that clients use views). */
    private ConfigResponse config()
    {
        return ConfigResponse.builder()
                .withEndpoints(routes.stream().map(Route::endpoint).toList())
                .build();
    }

    private static Optional<Map<String, String>> match(List<String> template, List<String> segments)
    {
        if (template.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                parameters.put(expected.substring(1, expected.length() - 1), segments.get(i));
            }
            else if (!expected.equals(segments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    private static Namespace namespace(Map<String, String> path)
    {
        return RESTUtil.decodeNamespace(path.get("namespace"), NAMESPACE_SEPARATOR);
    }

    private static TableIdentifier table(Map<String, String> path)
    {
        return TableIdentifier.of(namespace(path), RESTUtil.decodeString(path.get("table")));
    }

    private static TableIdentifier view(Map<String, String> path)
    {
        return TableIdentifier.of(namespace(path), RESTUtil.decodeString(path.get("view")));
    }

    /** Whether a list request asks for pages: a page size, or the token of the next page. */
    private static boolean paged(Map<String, String> query)
    {
        return query.containsKey("pageSize") || query.containsKey("pageToken");
    }

    /** The page size asked for; a token alone continues with pages of the server's default size. */
    private static String pageSize(Map<String, String> query)
    {
        String size = query.getOrDefault("pageSize", String.valueOf(DEFAULT_PAGE_SIZE));
        try {
            if (Integer.parseInt(size) < 1) {
                throw new IllegalArgumentException("Invalid pageSize " + size + ": expected a positive number");
            }
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid pageSize '" + size + "': expected a positive number");
        }
        return size;
    }

    private static RESTCatalogProperties.SnapshotMode snapshotMode(Map<String, String> query)
    {
        String snapshots = query.getOrDefault("snapshots", "all");
        return switch (snapshots.toLowerCase(Locale.ROOT)) {
            case "all" -> RESTCatalogProperties.SnapshotMode.ALL;
            case "refs" -> RESTCatalogProperties.SnapshotMode.REFS;
            default -> throw new IllegalArgumentException("Invalid snapshots mode '" + snapshots + "': expected all or refs");
        };
    }

    private <T> T read(byte[] body, Class<T> type)
            throws IOException
    {
        if (body.length == 0) {
            throw new BadRequestException("The request needs a JSON body (%s)", type.getSimpleName());
        }
        try {
            T request = mapper.readValue(body, type);
            if (request == null) {
                throw new BadRequestException("The request body is empty (%s)", type.getSimpleName());
            }
            return request;
        }
        catch (JsonProcessingException e) {
            throw new BadRequestException("Malformed %s: %s", type.getSimpleName(), e.getOriginalMessage());
        }
    }

    private Reply json(int status, Object response)
    {
        try {
            return new Reply(status, Optional.of(mapper.writeValueAsString(response)));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply failure(String method, String path, Exception exception)
    {
        int status = status(exception);
        if (status >= 500) {
            log.warn("Iceberg REST {} {} failed", method, path, exception);
        }
        String message = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        return error(status, exception.getClass().getSimpleName(), message);
    }

    /** Iceberg's error model, as its REST clients map it back to exceptions. */
    static int status(Exception exception)
    {
        if (exception instanceof NoSuchNamespaceException || exception instanceof NoSuchTableException || exception instanceof NoSuchViewException
                || exception instanceof NotFoundException) {
            return 404;
        }
        if (exception instanceof AlreadyExistsException || exception instanceof CommitFailedException || exception instanceof NamespaceNotEmptyException) {
            return 409;
        }
        if (exception instanceof NotAuthorizedException) {
            return 401;
        }
        if (exception instanceof ForbiddenException) {
            return 403;
        }
        if (exception instanceof UnsupportedOperationException) {
            return 406;
        }
        if (exception instanceof CommitStateUnknownException) {
            return 500;
        }
        if (exception instanceof IllegalArgumentException || exception instanceof ValidationException || exception instanceof BadRequestException) {
            return 400;
        }
        return 500;
    }

    /** An error answer in Iceberg's error model. */
    public Reply error(int status, String type, String message)
    {
        ErrorResponse error = ErrorResponse.builder().responseCode(status).withType(type).withMessage(message).build();
        return new Reply(status, Optional.of(ErrorResponseParser.toJson(error)));
    }
}
