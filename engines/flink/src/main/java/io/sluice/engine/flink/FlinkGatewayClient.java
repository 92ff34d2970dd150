package io.sluice.engine.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The Flink SQL Gateway REST API (v3) as typed calls: sessions, statements, operation status, result pages,
 * cancel and close. Errors keep the gateway's own message (its innermost cause), attributed to Flink.
 */
final class FlinkGatewayClient
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    FlinkGatewayClient(URI endpoint, Duration timeout)
    {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code GET /v1/info}: the gateway's product name and version. */
    Info info()
    {
        JsonNode info = send("GET", "/v1/info", null);
        return new Info(info.path("productName").asText(), info.path("version").asText());
    }

    /** {@code POST /v3/sessions}. */
    String openSession(Map<String, String> properties)
    {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", JSON.valueToTree(properties));
        body.put("sessionName", "sluice");
        return send("POST", "/v3/sessions", body).path("sessionHandle").asText();
    }

    /** {@code DELETE /v3/sessions/{session}}. */
    void closeSession(String session)
    {
        send("DELETE", "/v3/sessions/" + session, null);
    }

    /** {@code POST /v3/sessions/{session}/statements}: the operation handle. */
    String executeStatement(String session, String statement, Map<String, String> executionConfig)
    {
        ObjectNode body = JSON.createObjectNode();
        body.put("statement", statement);
        if (!executionConfig.isEmpty()) {
            body.set("executionConfig", JSON.valueToTree(executionConfig));
        }
        return send("POST", "/v3/sessions/" + session + "/statements", body).path("operationHandle").asText();
    }

    /** {@code GET /v3/sessions/{session}/operations/{operation}/status}. */
    String status(String session, String operation)
    {
        return send("GET", "/v3/sessions/" + session + "/operations/" + operation + "/status", null).path("status").asText();
    }

    /** The first result page of an operation, rows as JSON. */
    ResultPage firstPage(String session, String operation)
    {
        return page("/v3/sessions/" + session + "/operations/" + operation + "/result/0?rowFormat=JSON");
    }

    /** The page at a {@code nextResultUri}. */
    ResultPage page(String uri)
    {
        String path = uri.contains("rowFormat=") ? uri : uri + (uri.contains("?") ? "&" : "?") + "rowFormat=JSON";
        JsonNode page = send("GET", path, null);
        String next = page.hasNonNull("nextResultUri") ? page.get("nextResultUri").asText() : null;
        return new ResultPage(page.path("resultType").asText(), page.path("resultKind").asText(""), page.path("results"),
                Optional.ofNullable(next), Optional.ofNullable(page.hasNonNull("jobID") ? page.get("jobID").asText() : null));
    }

    /** {@code POST .../operations/{operation}/cancel}: stops the operation and its Flink job. */
    void cancel(String session, String operation)
    {
        send("POST", "/v3/sessions/" + session + "/operations/" + operation + "/cancel", JSON.createObjectNode());
    }

    /** {@code DELETE .../operations/{operation}/close}. */
    void closeOperation(String session, String operation)
    {
        send("DELETE", "/v3/sessions/" + session + "/operations/" + operation + "/close", null);
    }

    private JsonNode send(String method, String path, JsonNode body)
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (ConnectException e) {
            throw new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Flink SQL Gateway at " + endpoint + " is not reachable: " + e, e);
        }
        catch (HttpTimeoutException e) {
            throw new SluiceException(ErrorCode.ENGINE_UNAVAILABLE, "Flink SQL Gateway at " + endpoint + " did not answer within " + timeout.toSeconds() + "s", e);
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.ENGINE_CONNECTION_LOST, "Lost the connection to the Flink SQL Gateway at " + endpoint + ": " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.QUERY_CANCELED, "Interrupted while waiting for Flink", e);
        }
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }
        catch (IOException e) {
            throw new SluiceException(ErrorCode.ENGINE_ERROR, "Flink SQL Gateway answered " + response.statusCode() + " with a body that is not JSON");
        }
        if (response.statusCode() >= 400) {
            throw FlinkErrors.fromResponse(response.statusCode(), json);
        }
        return json;
    }

    record Info(String productName, String version) {}

    /** One page of an operation's result. */
    record ResultPage(String resultType, String resultKind, JsonNode results, Optional<String> nextResultUri, Optional<String> jobId)
    {
        boolean notReady()
        {
            return resultType.equals("NOT_READY");
        }

        boolean endOfStream()
        {
            return resultType.equals("EOS");
        }
    }
}
