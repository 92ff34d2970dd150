package io.sluice.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sluice.server.testing.SluiceServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the REST API, called live and its answer (success or problem document) validated against the
 * OpenAPI document the server serves at {@code /openapi.json}, with a JSON Schema validator; every documented
 * operation is called, so the document and the server cannot drift apart. Bad requests get problem documents and
 * leave the store as it was.
 */
class TestRestApiAgainstOpenApi
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension().with("jobs.poll-interval", "100ms");

    private final Set<String> called = new HashSet<>();
    private JsonNode document;

    @Test
    void everyEndpointAnswersAsDocumented()
            throws Exception
    {
        HttpResponse<String> served = send("GET", "/openapi.json", null);
        assertThat(served.statusCode()).isEqualTo(200);
        document = JSON.readTree(served.body());
        assertThat(document.get("openapi").asText()).startsWith("3.1");

        check("GET", "/api/v1/health", "/api/v1/health", null, 200);
        check("POST", "/api/v1/sql/execute", "/api/v1/sql/execute", "{\"statement\": \"SELECT 1 AS one\"}", 200);
        check("POST", "/api/v1/sql/execute", "/api/v1/sql/execute", "{\"statement\": \"SELEC 1\"}", 400);
        check("POST", "/api/v1/sql/transpile", "/api/v1/sql/transpile", "{\"statement\": \"SELECT a[0] FROM (SELECT array(1) AS a) t\", \"to\": \"trino\"}", 200);
        check("POST", "/api/v1/sql/route", "/api/v1/sql/route", "{\"statement\": \"SELECT 1\"}", 200);
        check("GET", "/api/v1/queries", "/api/v1/queries?limit=5", null, 200);
        JsonNode audit = check("GET", "/api/v1/audit", "/api/v1/audit?limit=5", null, 200);
        assertThat(audit.get("events").size()).isBetween(1, 5);
        check("GET", "/api/v1/audit", "/api/v1/audit?limit=nope", null, 400);
        check("POST", "/api/v1/router/calibrate", "/api/v1/router/calibrate", "", 200);
        check("GET", "/api/v1/router/calibration", "/api/v1/router/calibration", null, 200);

        JsonNode job = check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"rest_job\", \"statement\": \"SELECT 40 + 2 AS answer\", \"user\": \"rita\"}", 200);
        String jobId = job.get("jobId").asText();
        assertThat(job.get("id").asText()).isEqualTo(jobId);
        JsonNode done = awaitEnd(jobId, "rita");
        assertThat(done.get("state").asText()).isEqualTo("SUCCEEDED");
        check("GET", "/api/v1/job", "/api/v1/job?user=rita&limit=10", null, 200);
        check("GET", "/api/v1/job/{id}", "/api/v1/job/" + jobId + "?user=rita", null, 200);
        JsonNode logs = check("GET", "/api/v1/job/{id}/logs", "/api/v1/job/" + jobId + "/logs?user=rita&limit=100", null, 200);
        assertThat(logs.get("lines").findValuesAsText("line")).contains("42");
        JsonNode page = check("GET", "/api/v1/job/{id}/logs", "/api/v1/job/" + jobId + "/logs?user=rita&offset=1&limit=1", null, 200);
        assertThat(page.get("lines").get(0).get("number").asInt()).isEqualTo(2);
        assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
        // Another user's job is not found; an ended job cannot be stopped.
        check("GET", "/api/v1/job/{id}", "/api/v1/job/" + jobId + "?user=sam", null, 404);
        check("POST", "/api/v1/job/{id}/stop", "/api/v1/job/" + jobId + "/stop?user=rita", "", 400);
        JsonNode slow = check("POST", "/api/v1/job", "/api/v1/job",
                "{\"name\": \"rest_slow\", \"statement\": \"SELECT sum(a.id * b.id) FROM range(200000) a, range(200000) b\", \"user\": \"rita\"}", 200);
        JsonNode cancelled = check("DELETE", "/api/v1/job/{id}", "/api/v1/job/" + slow.get("jobId").asText() + "?user=rita", null, 200);
        assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");

        JsonNode schedule = check("POST", "/api/v1/schedule", "/api/v1/schedule",
                "{\"name\": \"rest_schedule\", \"cron\": \"0 3 * * *\", \"timezone\": \"Europe/Warsaw\", \"job\": \"SUBMIT JOB nightly AS SELECT 1\", \"user\": \"rita\"}", 200);
        assertThat(schedule.get("nextFireTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT0[12]:00:00Z");
        check("GET", "/api/v1/schedule", "/api/v1/schedule?user=rita", null, 200);
        check("GET", "/api/v1/schedule/{id}", "/api/v1/schedule/rest_schedule?user=rita", null, 200);
        assertThat(check("POST", "/api/v1/schedule/{id}/pause", "/api/v1/schedule/rest_schedule/pause?user=rita", "", 200).get("state").asText()).isEqualTo("PAUSED");
        assertThat(check("POST", "/api/v1/schedule/{id}/resume", "/api/v1/schedule/rest_schedule/resume?user=rita", "", 200).get("state").asText()).isEqualTo("ACTIVE");
        check("DELETE", "/api/v1/schedule/{id}", "/api/v1/schedule/rest_schedule?user=rita", null, 200);
        check("DELETE", "/api/v1/schedule/{id}", "/api/v1/schedule/rest_schedule?user=rita", null, 404);

        check("POST", "/api/v1/cluster", "/api/v1/cluster", "{\"name\": \"yarn_test\", \"type\": \"YARN\", \"properties\": {\"hadoop-conf-dir\": \"/no/such/dir\"}}", 400);
        check("POST", "/api/v1/cluster", "/api/v1/cluster", "{\"name\": \"dev\", \"type\": \"local\", \"properties\": {\"master\": \"local[1]\"}, \"user\": \"rita\"}", 200);
        check("GET", "/api/v1/cluster", "/api/v1/cluster", null, 200);
        check("GET", "/api/v1/cluster/{id}", "/api/v1/cluster/dev", null, 200);
        check("DELETE", "/api/v1/cluster/{id}", "/api/v1/cluster/dev?user=rita", null, 200);
        check("GET", "/api/v1/cluster/{id}", "/api/v1/cluster/dev", null, 404);

        check("POST", "/api/v1/group", "/api/v1/group", "{\"name\": \"rest_group\", \"engine\": \"duckdb\", \"user\": \"rita\"}", 200);
        check("GET", "/api/v1/group", "/api/v1/group", null, 200);
        check("POST", "/api/v1/group/{id}/execute", "/api/v1/group/rest_group/execute", "{\"statement\": \"CREATE TEMPORARY VIEW v AS SELECT 5 AS five\"}", 200);
        JsonNode five = check("POST", "/api/v1/group/{id}/execute", "/api/v1/group/rest_group/execute", "{\"statement\": \"SELECT five FROM v\"}", 200);
        assertThat(five.get("rows").get(0).get(0).asInt()).isEqualTo(5);
        JsonNode stopped = check("POST", "/api/v1/group/{id}/stop", "/api/v1/group/rest_group/stop?user=rita", "", 200);
        assertThat(stopped.get("state").asText()).isEqualTo("PAUSED");
        // The view lived in the stopped engine session; the group's next use opens a new one.
        check("POST", "/api/v1/group/{id}/execute", "/api/v1/group/rest_group/execute", "{\"statement\": \"SELECT five FROM v\"}", 400);
        check("POST", "/api/v1/group/{id}/execute", "/api/v1/group/rest_group/execute", "{\"statement\": \"SELECT 1\"}", 200);
        check("DELETE", "/api/v1/group/{id}", "/api/v1/group/rest_group?user=rita", null, 200);

        // Every documented operation was called.
        Set<String> documented = new HashSet<>();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = document.get("paths").get(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        assertThat(called).containsAll(documented);
    }

    @Test
    void badRequestsGetProblemsAndChangeNothing()
            throws Exception
    {
        document = JSON.readTree(send("GET", "/openapi.json", null).body());
        check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"x'; DROP TABLE sluice_jobs; --\", \"statement\": \"SELECT 1\"}", 400);
        check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"j\"}", 400);
        check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"j\", \"statement\": \"SELECT 1\", \"maxRetries\": 99}", 400);
        check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"j\", \"mainClass\": \"Main\", \"jar\": \"/missing.jar\"}", 400);
        check("POST", "/api/v1/job", "/api/v1/job", "not json", 400);
        check("POST", "/api/v1/job", "/api/v1/job", "{\"name\": \"j\", \"statement\": \"" + "x".repeat(2_000_000) + "\"}", 413);
        check("POST", "/api/v1/schedule", "/api/v1/schedule", "{\"name\": \"s\", \"cron\": \"not a cron\", \"job\": \"SUBMIT JOB j AS SELECT 1\"}", 400);
        check("POST", "/api/v1/schedule", "/api/v1/schedule", "{\"name\": \"s\", \"cron\": \"* * * * *\", \"job\": \"SELECT 1\"}", 400);
        check("POST", "/api/v1/cluster", "/api/v1/cluster", "{\"name\": \"c\", \"type\": \"LOCAL\", \"properties\": {\"spark.x\": \"a\\nb\"}}", 400);
        check("GET", "/api/v1/job/{id}", "/api/v1/job/job_nope", null, 404);
        check("GET", "/api/v1/job", "/api/v1/job?limit=0", null, 400);
        assertThat(send("PUT", "/api/v1/job", "{}").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/api/v1/nothing", null).statusCode()).isEqualTo(404);
        JsonNode jobs = check("GET", "/api/v1/job", "/api/v1/job?user=rest", null, 200);
        assertThat(jobs.get("jobs")).isEmpty();
        assertThat(check("GET", "/api/v1/schedule", "/api/v1/schedule", null, 200).get("schedules")).isEmpty();
        assertThat(check("GET", "/api/v1/cluster", "/api/v1/cluster", null, 200).get("clusters")).hasSize(1);
    }

    private JsonNode awaitEnd(String jobId, String user)
            throws Exception
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode job = JSON.readTree(send("GET", "/api/v1/job/" + jobId + "?user=" + user, null).body());
        while (Set.of("QUEUED", "RUNNING").contains(job.get("state").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = JSON.readTree(send("GET", "/api/v1/job/" + jobId + "?user=" + user, null).body());
        }
        return job;
    }

    /** Calls the endpoint, checks the status, and validates the answer against the documented schema of that status. */
    private JsonNode check(String method, String template, String path, String body, int status)
            throws Exception
    {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
        JsonNode operation = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        assertThat(operation).as("%s %s is documented", method, template).isNotNull();
        boolean success = status == 200;
        String contentType = success ? "application/json" : "application/problem+json";
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
        JsonNode schemaNode = operation.get("responses").get(success ? "200" : "default").get("content").get(contentType).get("schema");
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$ref", schemaNode.get("$ref"));
        root.set("components", document.get("components"));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
        JsonNode answer = JSON.readTree(response.body());
        List<Error> errors = schema.validate(answer);
        assertThat(errors).as("%s %s answers as documented: %s", method, path, response.body()).isEmpty();
        called.add(method + " " + template);
        return answer;
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws Exception
    {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SLUICE.server().restPort() + path)).header("Content-Type", "application/json");
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return HTTP.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }
}
