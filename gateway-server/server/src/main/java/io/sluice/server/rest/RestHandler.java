package io.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.iceberg.IcebergRestService;
import io.sluice.dialects.Dialect;
import io.sluice.metastore.AuditStore;
import io.sluice.metastore.QueryHistory;
import io.sluice.metastore.RouterCalibrations;
import io.sluice.server.SluiceBackend;
import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.Login;
import io.sluice.server.config.SluiceVersion;
import io.sluice.server.jobs.GroupService;
import io.sluice.server.routing.RouterCalibrator;
import io.sluice.spi.Column;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import io.sluice.spi.engine.Engine;
import io.sluice.spi.engine.EngineHealth;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The REST API. Today: {@code GET /api/v1/health}, {@code POST /api/v1/sql/execute}, {@code POST /api/v1/sql/transpile},
 * {@code POST /api/v1/sql/route}, {@code GET /api/v1/queries}, {@code POST /api/v1/router/calibrate},
 * {@code GET /api/v1/router/calibration}, {@code GET /metrics} and the lakehouse's Iceberg REST
 * catalog under {@code /iceberg}; the other SQL, job, schedule and cluster endpoints come with their issues.
 */
public final class RestHandler
        extends Handler.Abstract
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MANAGED = Pattern.compile("/api/v1/(job|schedule|cluster|group)(?:/([^/]+)(?:/([a-z]+))?)?/?");
    private static final String ICEBERG_PREFIX = "/iceberg";
    private static final List<String> CANDIDATE_FIELDS = List.of("engine", "feasible", "chosen", "estimatedCost", "reason");
    private static final List<String> TERM_FIELDS = List.of("fixed", "scan", "compute", "transfer", "queue");

    private final SluiceBackend backend;
    private final Supplier<java.util.Collection<Engine>> engines;

    private final long maxRequestSize;
    private final IcebergRestService iceberg;
    private final ManagementResource management;
    private final Authentication authentication;
    /** The user a request authenticated as, while it is handled: it stands for every "user" field and parameter. */
    private static final ThreadLocal<String> AUTHENTICATED = new ThreadLocal<>();

    public RestHandler(SluiceBackend backend, Supplier<java.util.Collection<Engine>> engines, long maxRequestSize, IcebergRestService iceberg,
            Authentication authentication)
    {
        this.authentication = requireNonNull(authentication, "authentication is null");
        this.backend = requireNonNull(backend, "backend is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.maxRequestSize = maxRequestSize;
        this.iceberg = requireNonNull(iceberg, "iceberg is null");
        this.management = new ManagementResource(backend.management());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception
    {
        String path = Request.getPathInContext(request);
        if (path.startsWith(ICEBERG_PREFIX + "/")) {
            Optional<IcebergRestService.Reply> refused = icebergRefusal(request);
            if (refused.isPresent()) {
                return icebergReply(response, callback, refused.get());
            }
            return iceberg(request, response, callback);
        }
        if (authentication.required() && path.startsWith("/api/v1/") && !path.equals("/api/v1/health")) {
            Login login;
            try {
                login = authentication.authorization(request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request), "rest").orElseThrow();
            }
            catch (SluiceException e) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"sluice\"");
                return problem(response, callback, e, HttpStatus.UNAUTHORIZED_401);
            }
            AUTHENTICATED.set(login.user());
            try {
                return route(request, response, callback, path);
            }
            finally {
                AUTHENTICATED.remove();
            }
        }
        return route(request, response, callback, path);
    }

    /** The user the request being handled authenticated as, when authentication is on. */
    static Optional<String> authenticatedUser()
    {
        return Optional.ofNullable(AUTHENTICATED.get());
    }

    private boolean route(Request request, Response response, Callback callback, String path)
            throws Exception
    {
        if (path.equals("/api/v1/health")) {
            if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
                return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use GET for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
            }
            return json(response, callback, HttpStatus.OK_200, health());
        }
        if (path.equals("/api/v1/sql/transpile")) {
            return post(request, response, callback, path, () -> transpile(request));
        }
        if (path.equals("/api/v1/sql/execute")) {
            return post(request, response, callback, path, () -> execute(request));
        }
        if (path.equals("/api/v1/sql/route")) {
            return post(request, response, callback, path, () -> route(request));
        }
        if (path.equals("/api/v1/router/calibrate")) {
            return post(request, response, callback, path, this::calibrate);
        }
        if (path.equals("/api/v1/router/calibration")) {
            return answer(HttpMethod.GET, request, response, callback, path, () -> {
                List<Map<String, Object>> engines = new ArrayList<>();
                backend.calibrator().latest().values().forEach(calibration -> engines.add(calibration(calibration)));
                return Map.of("engines", engines);
            });
        }
        if (path.equals("/api/v1/queries")) {
            return answer(HttpMethod.GET, request, response, callback, path, () -> queries(request));
        }
        if (path.equals("/api/v1/audit")) {
            return answer(HttpMethod.GET, request, response, callback, path, () -> audit(request));
        }
        if (path.equals("/openapi.json") || path.equals("/api/v1/openapi.json")) {
            if (!HttpMethod.GET.is(request.getMethod())) {
                return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use GET for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.setStatus(HttpStatus.OK_200);
            response.write(true, ByteBuffer.wrap(OpenApi.document()), callback);
            return true;
        }
        Matcher managed = MANAGED.matcher(path);
        if (managed.matches()) {
            return managed(request, response, callback, path, managed.group(1), Optional.ofNullable(managed.group(2)).map(RestHandler::decoded), Optional.ofNullable(managed.group(3)));
        }
        if (path.equals("/metrics")) {
            if (!HttpMethod.GET.is(request.getMethod())) {
                return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use GET for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            response.setStatus(HttpStatus.OK_200);
            response.write(true, ByteBuffer.wrap(metrics().getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "No such endpoint: " + request.getMethod() + " " + path), HttpStatus.NOT_FOUND_404);
    }

    /**
     * The lakehouse catalog's Iceberg REST protocol under {@code /iceberg}: the raw (still encoded) path, the decoded
     * query and the body go to {@link IcebergRestService}; errors keep Iceberg's error model, not problem documents.
     */
    /**
     * With authentication on, the Iceberg REST catalog serves the engines on this host (loopback) as they are
     * configured, without credentials; anyone else needs an administrator's Basic or Bearer credentials (a Sluice API
     * token works as the {@code token} of an Iceberg REST client's OAuth2 settings), since the catalog's commits
     * bypass grants.
     */
    private Optional<IcebergRestService.Reply> icebergRefusal(Request request)
    {
        String address = Request.getRemoteAddr(request);
        if (!authentication.required() || loopback(address)) {
            return Optional.empty();
        }
        Login login;
        try {
            login = authentication.authorization(request.getHeaders().get(HttpHeader.AUTHORIZATION), address, "iceberg").orElseThrow();
        }
        catch (SluiceException e) {
            return Optional.of(iceberg.error(HttpStatus.UNAUTHORIZED_401, "NotAuthorizedException", e.getMessage()));
        }
        if (!backend.management().jobs().access(login.user()).admin()) {
            return Optional.of(iceberg.error(HttpStatus.FORBIDDEN_403, "ForbiddenException", "The Iceberg REST catalog is for administrators (auth.admin-users) "
                    + "and the engines on Sluice's host"));
        }
        return Optional.empty();
    }

    private static boolean loopback(String address)
    {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress();
        }
        catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private boolean iceberg(Request request, Response response, Callback callback)
            throws Exception
    {
        String rawPath = request.getHttpURI().getPath().substring(ICEBERG_PREFIX.length());
        Map<String, String> query = new LinkedHashMap<>();
        for (Fields.Field field : Request.extractQueryParameters(request)) {
            query.put(field.getName(), field.getValue());
        }
        IcebergRestService.Reply reply;
        Optional<byte[]> body = readBody(request);
        if (body.isEmpty()) {
            reply = iceberg.error(HttpStatus.PAYLOAD_TOO_LARGE_413, "RequestTooLargeException",
                    "The request body is larger than " + maxRequestSize + " bytes (server.thrift.max-frame-size)");
        }
        else {
            reply = iceberg.handle(request.getMethod(), rawPath, query, body.get());
        }
        return icebergReply(response, callback, reply);
    }

    private static boolean icebergReply(Response response, Callback callback, IcebergRestService.Reply reply)
    {
        response.setStatus(reply.status());
        if (reply.body().isEmpty()) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(reply.body().get().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private Optional<byte[]> readBody(Request request)
            throws IOException
    {
        return RequestBodies.read(request, maxRequestSize);
    }

    /**
     * {@code /api/v1/job|schedule|cluster|group[/{id}[/action]]}: the method and the path's parts pick the handler; a
     * wrong method on an existing path is 405, an unknown path 404.
     */
    private boolean managed(Request request, Response response, Callback callback, String path, String noun, Optional<String> id, Optional<String> action)
            throws Exception
    {
        ManagementResource.Query query = new ManagementResource.Query(Request.extractQueryParameters(request));
        String method = request.getMethod();
        Body body = switch (noun) {
            case "job" -> id.isEmpty()
                    ? choose(method, () -> management.jobs(query), () -> management.submit(readJson(request)), null)
                    : action.isEmpty()
                    ? choose(method, () -> management.job(query, id.get()), null, () -> management.cancel(query, id.get()))
                    : action.get().equals("logs") ? choose(method, () -> management.logs(query, id.get()), null, null)
                    : action.get().equals("stop") ? choose(method, null, () -> management.cancel(query, id.get()), null)
                    : null;
            case "schedule" -> id.isEmpty()
                    ? choose(method, () -> management.schedules(query), () -> management.createSchedule(readJson(request)), null)
                    : action.isEmpty()
                    ? choose(method, () -> management.schedule(query, id.get(), "get"), null, () -> management.dropSchedule(query, id.get()))
                    : action.get().equals("pause") || action.get().equals("resume") ? choose(method, null, () -> management.schedule(query, id.get(), action.get()), null)
                    : null;
            case "cluster" -> id.isEmpty()
                    ? choose(method, () -> management.clusters(query), () -> management.createCluster(readJson(request)), null)
                    : action.isEmpty() ? choose(method, () -> management.cluster(id.get()), null, () -> management.dropCluster(query, id.get())) : null;
            case "group" -> id.isEmpty()
                    ? choose(method, () -> management.groups(query), () -> management.createGroup(readJson(request)), null)
                    : action.isEmpty() ? choose(method, null, null, () -> management.dropGroup(query, id.get()))
                    : action.get().equals("execute") ? choose(method, null, () -> groupExecute(request, id.get()), null)
                    : action.get().equals("stop") ? choose(method, null, () -> management.stopGroup(query, id.get()), null)
                    : null;
            default -> null;
        };
        if (body == null) {
            return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "No such endpoint: " + method + " " + path), HttpStatus.NOT_FOUND_404);
        }
        if (body == METHOD_NOT_ALLOWED) {
            return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Method " + method + " is not allowed on " + path),
                    HttpStatus.METHOD_NOT_ALLOWED_405);
        }
        return answer(HttpMethod.fromString(method), request, response, callback, path, body);
    }

    private static final Body METHOD_NOT_ALLOWED = () -> null;

    /** The handler for the method: GET, POST or DELETE, or "not allowed" when the path has none for it. */
    private static Body choose(String method, Body get, Body post, Body delete)
    {
        Body chosen = switch (method) {
            case "GET" -> get;
            case "POST" -> post;
            case "DELETE" -> delete;
            default -> null;
        };
        return chosen == null ? METHOD_NOT_ALLOWED : chosen;
    }

    /** {@code POST /api/v1/group/{id}/execute}: {@code {statement, maxRows?, user?}} run in a session that joins the group. */
    private Map<String, Object> groupExecute(Request request, String group)
            throws Exception
    {
        JsonNode body = readJson(request);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(GroupService.GROUP_SETTING, group);
        return executeAnswer(body, settings);
    }

    private static String decoded(String part)
    {
        return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    interface Body
    {
        Object get()
                throws Exception;
    }

    private static boolean post(Request request, Response response, Callback callback, String path, Body body)
            throws Exception
    {
        return answer(HttpMethod.POST, request, response, callback, path, body);
    }

    /** An endpoint of one method answering JSON; a SluiceException is its problem document, with the status its error code maps to. */
    static boolean answer(HttpMethod method, Request request, Response response, Callback callback, String path, Body body)
            throws Exception
    {
        if (!method.is(request.getMethod())) {
            return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use " + method + " for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
        }
        try {
            return json(response, callback, HttpStatus.OK_200, body.get());
        }
        catch (SluiceException e) {
            return problem(response, callback, e, Problems.status(e.errorCode()));
        }
    }

    /** The session settings of a REST statement: {@code engine}, {@code dialect}, {@code database}, all optional. */
    private static Map<String, String> sessionSettings(JsonNode body)
    {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("sluice.engine", optionalText(body, "engine", "auto"));
        configuration.put("sluice.dialect", optionalText(body, "dialect", Dialect.SPARK.settingValue()));
        configuration.put("use:database", optionalText(body, "database", "default"));
        return configuration;
    }

    /**
     * {@code {"statement": "...", "engine"?, "dialect"?, "database"?, "user"?, "maxRows"?}}: the statement run to its
     * end in a session of its own; {@code {"columns": [{"name", "type"}], "rows": [[...]], "engine", "route", "stats":
     * {"rows", "truncated", "updateCount", "elapsedMillis"}}}. At most {@code maxRows} rows (default 1000, at most
     * 100000) come back; {@code truncated} says there were more.
     */
    private Map<String, Object> execute(Request request)
            throws Exception
    {
        JsonNode body = readJson(request);
        return executeAnswer(body, sessionSettings(body));
    }

    private Map<String, Object> executeAnswer(JsonNode body, Map<String, String> settings)
    {
        String statement = requiredText(body, "statement");
        long maxRows = 1000;
        JsonNode maxRowsNode = body.get("maxRows");
        if (maxRowsNode != null && !maxRowsNode.isNull()) {
            if (!maxRowsNode.canConvertToLong() || !maxRowsNode.isIntegralNumber() || maxRowsNode.asLong() < 0 || maxRowsNode.asLong() > 100_000) {
                throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field 'maxRows' must be a whole number from 0 to 100000");
            }
            maxRows = maxRowsNode.asLong();
        }
        long start = System.nanoTime();
        SluiceBackend.LocalResultRows result = backend.executeOnce(optionalText(body, "user", "rest"), statement, settings, maxRows);
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Column column : result.types()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            entry.put("type", column.type().displayName());
            columns.add(entry);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : result.rows()) {
            List<Object> values = new ArrayList<>(row.length);
            for (Object value : row) {
                values.add(jsonValue(value));
            }
            rows.add(values);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rows", rows.size());
        stats.put("truncated", result.truncated());
        stats.put("updateCount", result.updateCount());
        stats.put("elapsedMillis", (System.nanoTime() - start) / 1e6);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("columns", columns);
        answer.put("rows", rows);
        answer.put("engine", result.ranOn().map(ranOn -> ranOn.substring(0, ranOn.indexOf(':'))).orElse(null));
        answer.put("route", result.ranOn().map(ranOn -> ranOn.substring(ranOn.indexOf(':') + 2)).orElse(null));
        answer.put("stats", stats);
        return answer;
    }

    /** A result value as JSON has it: numbers, booleans, strings, lists and maps as they are; anything else as its text. */
    private static Object jsonValue(Object value)
    {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String || value instanceof byte[]) {
            return value;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RestHandler::jsonValue).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new LinkedHashMap<>();
            map.forEach((key, item) -> converted.put(String.valueOf(key), jsonValue(item)));
            return converted;
        }
        return value.toString();
    }

    /**
     * {@code {"statement": "...", "engine": "auto", "dialect": "spark", "database": "default", "user": "..."}}: the
     * statement's EXPLAIN ROUTE as JSON, {@code chosen} and one entry per engine; all but {@code statement} optional.
     */
    private Map<String, Object> route(Request request)
            throws Exception
    {
        JsonNode body = readJson(request);
        String statement = requiredText(body, "statement");
        SluiceBackend.LocalResultRows explained = backend.explainRoute(optionalText(body, "user", "rest"), statement, sessionSettings(body));
        List<Map<String, Object>> candidates = new ArrayList<>();
        Object chosen = null;
        for (Object[] row : explained.rows()) {
            // EXPLAIN ROUTE's columns in order: the candidate's, then the cost's terms.
            Map<String, Object> candidate = new LinkedHashMap<>();
            for (int i = 0; i < CANDIDATE_FIELDS.size(); i++) {
                candidate.put(CANDIDATE_FIELDS.get(i), row[i]);
            }
            Map<String, Object> terms = new LinkedHashMap<>();
            for (int i = 0; i < TERM_FIELDS.size(); i++) {
                terms.put(TERM_FIELDS.get(i), row[CANDIDATE_FIELDS.size() + i]);
            }
            candidate.put("terms", terms);
            candidates.add(candidate);
            if (Boolean.TRUE.equals(row[2])) {
                chosen = row[0];
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statement", statement);
        result.put("chosen", chosen);
        result.put("candidates", candidates);
        return result;
    }

    /** {@code GET /api/v1/queries?limit=100&user=u}: the newest statements of the query history, newest first. */
    private Map<String, Object> queries(Request request)
    {
        Fields query = Request.extractQueryParameters(request);
        int limit = limit(query);
        Optional<String> user = Optional.ofNullable(query.getValue("user"));
        List<Map<String, Object>> queries = new ArrayList<>();
        for (QueryHistory.QueryRecord record : backend.recorder().recent(limit, user)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("queryId", record.queryId());
            entry.put("user", record.user());
            entry.put("state", record.state());
            entry.put("engine", record.engine().orElse(null));
            entry.put("route", record.route().orElse(null));
            entry.put("estimatedSeconds", record.estimatedSeconds().isPresent() ? record.estimatedSeconds().getAsDouble() : null);
            entry.put("actualSeconds", record.actualSeconds().isPresent() ? record.actualSeconds().getAsDouble() : null);
            entry.put("failedOverFrom", record.failedOverFrom().orElse(null));
            entry.put("error", record.error().orElse(null));
            entry.put("started", record.startedAt().toString());
            entry.put("finished", record.finishedAt().map(Object::toString).orElse(null));
            entry.put("fingerprint", record.fingerprint());
            entry.put("statement", record.statement());
            queries.add(entry);
        }
        return Map.of("queries", queries);
    }

    /**
     * {@code GET /api/v1/audit?limit=100&user=u}: the audit log, newest first. With authentication on, for
     * administrators ({@code auth.admin-users}) only; {@code user} picks one user's events.
     */
    private Map<String, Object> audit(Request request)
    {
        Fields query = Request.extractQueryParameters(request);
        int limit = limit(query);
        Optional<String> caller = authenticatedUser();
        caller.ifPresent(user -> backend.management().jobs().access(user).checkAdmin("the audit log"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (AuditStore.AuditEvent event : backend.management().audit().recent(Optional.ofNullable(query.getValue("user")), limit)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", event.id());
            entry.put("time", event.time().toString());
            entry.put("kind", event.kind());
            entry.put("user", event.user());
            entry.put("address", event.address());
            entry.put("allowed", event.allowed());
            entry.put("engine", event.engine().orElse(null));
            entry.put("objects", event.objects().isEmpty() ? List.of() : List.of(event.objects().split(",")));
            entry.put("detail", event.detail());
            events.add(entry);
        }
        return Map.of("events", events);
    }

    /** A {@code limit} parameter: 1 to 10000, 100 when absent. */
    private static int limit(Fields query)
    {
        String limitText = query.getValue("limit");
        if (limitText == null) {
            return 100;
        }
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        }
        catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 10_000) {
            throw new SluiceException(ErrorCode.INVALID_ARGUMENT, "Invalid limit '" + limitText + "': expected a number from 1 to 10000");
        }
        return limit;
    }

    /** {@code POST /api/v1/router/calibrate}: calibrates every engine that is up; what each measured, or why not. */
    private Map<String, Object> calibrate()
    {
        List<Map<String, Object>> engines = new ArrayList<>();
        for (RouterCalibrator.Result result : backend.calibrator().calibrate()) {
            Map<String, Object> entry = result.calibration().map(RestHandler::calibration).orElseGet(LinkedHashMap::new);
            entry.putIfAbsent("engine", result.engine());
            result.error().ifPresent(error -> entry.put("error", error));
            engines.add(entry);
        }
        return Map.of("engines", engines);
    }

    private static Map<String, Object> calibration(RouterCalibrations.Calibration calibration)
    {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("engine", calibration.engine());
        entry.put("calibratedAt", calibration.calibratedAt().toString());
        entry.put("machine", calibration.machine());
        entry.put("fixedSeconds", calibration.fixedSeconds());
        entry.put("scanBytesPerCoreSecond", calibration.scanBytesPerCoreSecond());
        entry.put("secondsPerResultRow", calibration.secondsPerResultRow());
        return entry;
    }

    /** Prometheus' text format: the router's decisions and failovers, and the server's sessions and operations. */
    private String metrics()
    {
        StringBuilder text = new StringBuilder(backend.router().metrics().prometheus());
        text.append("# HELP sluice_sessions Open client sessions.\n# TYPE sluice_sessions gauge\nsluice_sessions ").append(backend.sessionCount()).append('\n');
        text.append("# HELP sluice_operations Operations not yet closed.\n# TYPE sluice_operations gauge\nsluice_operations ").append(backend.operationCount()).append('\n');
        return text.toString();
    }

    /** {@code {"statement": "...", "from": "spark", "to": "duckdb", "database": "default"}}: {@code from} and {@code database} are optional. */
    private Map<String, Object> transpile(Request request)
            throws Exception
    {
        JsonNode body = readJson(request);
        String statement = requiredText(body, "statement");
        Dialect from = Dialect.fromName(optionalText(body, "from", Dialect.SPARK.settingValue()));
        Dialect to = Dialect.fromName(requiredText(body, "to"));
        String database = optionalText(body, "database", "default");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statement", backend.transpile(statement, from, to, database));
        result.put("from", from.settingValue());
        result.put("to", to.settingValue());
        return result;
    }

    private JsonNode readJson(Request request)
            throws Exception
    {
        byte[] bytes = readBody(request).orElseThrow(() ->
                new SluiceException(ErrorCode.MESSAGE_TOO_LARGE, "The request body is larger than " + maxRequestSize + " bytes (server.thrift.max-frame-size)"));
        try {
            JsonNode body = JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object");
            }
            // An authenticated caller is who it authenticated as, whatever the body says.
            authenticatedUser().ifPresent(user -> ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("user", user));
            return body;
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static String requiredText(JsonNode body, String field)
    {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request needs the string field '" + field + "'");
        }
        return value.asText();
    }

    static String optionalText(JsonNode body, String field, String defaultValue)
    {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isTextual()) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private Map<String, Object> health()
    {
        Map<String, Object> engineStates = new LinkedHashMap<>();
        for (Engine engine : engines.get()) {
            EngineHealth health = engine.health();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", health.state().name());
            state.put("version", engine.version());
            state.put("running", health.runningQueries());
            if (!health.message().isEmpty()) {
                state.put("message", health.message());
            }
            engineStates.put(engine.name(), state);
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("version", SluiceVersion.VERSION);
        health.put("sessions", backend.sessionCount());
        health.put("operations", backend.operationCount());
        health.put("engines", engineStates);
        return health;
    }

    private static boolean problem(Response response, Callback callback, SluiceException exception, int status)
            throws Exception
    {
        Map<String, Object> problem = Problems.problem(exception);
        problem.put("status", status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(problem)), callback);
        return true;
    }

    private static boolean json(Response response, Callback callback, int status, Object body)
            throws Exception
    {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.setStatus(status);
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
        return true;
    }
}
