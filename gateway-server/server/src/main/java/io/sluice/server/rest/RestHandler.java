package io.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.dialects.Dialect;
import io.sluice.server.SluiceBackend;
import io.sluice.server.config.SluiceVersion;
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

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The REST API. Today: {@code GET /api/v1/health} and {@code POST /api/v1/sql/transpile}; the other SQL, job,
 * schedule and cluster endpoints come with their issues.
 */
public final class RestHandler
        extends Handler.Abstract
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SluiceBackend backend;
    private final Supplier<java.util.Collection<Engine>> engines;

    private final long maxRequestSize;

    public RestHandler(SluiceBackend backend, Supplier<java.util.Collection<Engine>> engines, long maxRequestSize)
    {
        this.backend = requireNonNull(backend, "backend is null");
        this.engines = requireNonNull(engines, "engines is null");
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception
    {
        String path = Request.getPathInContext(request);
        if (path.equals("/api/v1/health")) {
            if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
                return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use GET for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
            }
            return json(response, callback, HttpStatus.OK_200, health());
        }
        if (path.equals("/api/v1/sql/transpile")) {
            if (!HttpMethod.POST.is(request.getMethod())) {
                return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "Use POST for " + path), HttpStatus.METHOD_NOT_ALLOWED_405);
            }
            try {
                return json(response, callback, HttpStatus.OK_200, transpile(request));
            }
            catch (SluiceException e) {
                return problem(response, callback, e, Problems.status(e.errorCode()));
            }
        }
        return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "No such endpoint: " + request.getMethod() + " " + path), HttpStatus.NOT_FOUND_404);
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
        long length = request.getLength();
        if (length > maxRequestSize) {
            throw new SluiceException(ErrorCode.MESSAGE_TOO_LARGE, "The request body has " + length + " bytes; at most " + maxRequestSize + " are accepted (server.thrift.max-frame-size)");
        }
        byte[] bytes;
        try (InputStream input = Request.asInputStream(request)) {
            bytes = input.readNBytes((int) Math.min(maxRequestSize + 1, Integer.MAX_VALUE));
        }
        if (bytes.length > maxRequestSize) {
            throw new SluiceException(ErrorCode.MESSAGE_TOO_LARGE, "The request body is larger than " + maxRequestSize + " bytes (server.thrift.max-frame-size)");
        }
        try {
            JsonNode body = JSON.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request body must be a JSON object");
            }
            return body;
        }
        catch (JsonProcessingException e) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String requiredText(JsonNode body, String field)
    {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new SluiceException(ErrorCode.INVALID_REQUEST, "The request needs the string field '" + field + "'");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode body, String field, String defaultValue)
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
