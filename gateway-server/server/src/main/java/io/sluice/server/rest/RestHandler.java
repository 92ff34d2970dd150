package io.sluice.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/** The REST API. Today: {@code GET /api/v1/health}; the jobs and SQL endpoints come with their issues. */
public final class RestHandler
        extends Handler.Abstract
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SluiceBackend backend;
    private final Supplier<java.util.Collection<Engine>> engines;

    public RestHandler(SluiceBackend backend, Supplier<java.util.Collection<Engine>> engines)
    {
        this.backend = requireNonNull(backend, "backend is null");
        this.engines = requireNonNull(engines, "engines is null");
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
        return problem(response, callback, new SluiceException(ErrorCode.INVALID_REQUEST, "No such endpoint: " + request.getMethod() + " " + path), HttpStatus.NOT_FOUND_404);
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
