package io.sluice.server.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sluice.server.testing.SluiceServerExtension;
import io.sluice.server.testing.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.sluice.server.testing.JdbcRows.rows;
import static io.sluice.server.testing.JobRows.awaitEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KUBERNETES cluster's submission, against the Kubernetes API as far as no cluster is needed: Spark's own submission
 * client (spark-kubernetes, fabric8) talks to a hand-written stub of the API server that records what it is sent and
 * answers as the API server would; the driver pod, its service and its configuration map carry what the cluster, its
 * storage and the job define.
 */
class TestKubernetesSubmission
{
    private static final Path SPARK_LIB = Path.of(System.getProperty("sluice.project-root", "../..")).toAbsolutePath().normalize()
            .resolve("engines/spark-local/target/spark-local/lib");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static final Map<String, JsonNode> BODIES = new java.util.concurrent.ConcurrentHashMap<>();

    @RegisterExtension
    static final SluiceServerExtension SLUICE = new SluiceServerExtension()
            .with("jobs.spark-lib", SPARK_LIB.toString())
            .with("jobs.poll-interval", "100ms");

    private static HttpServer api;

    @BeforeAll
    static void startApiServer()
            throws IOException
    {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", TestKubernetesSubmission::answer);
        api.start();
    }

    @AfterAll
    static void stopApiServer()
    {
        api.stop(0);
    }

    /** Creations echo the object with a uid, as the API server does; server-side applies answer the object; reads an empty list. */
    private static void answer(HttpExchange exchange)
            throws IOException
    {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] request = exchange.getRequestBody().readAllBytes();
        REQUESTS.add(method + " " + path);
        JsonNode body = request.length == 0 ? JSON.createObjectNode() : JSON.readTree(request);
        BODIES.put(method + " " + path, body);
        ObjectNode response = body.isObject() && body.size() > 0 ? ((ObjectNode) body).deepCopy() : JSON.createObjectNode().put("kind", "List");
        ObjectNode metadata = response.has("metadata") ? (ObjectNode) response.get("metadata") : response.putObject("metadata");
        metadata.put("uid", "uid-" + REQUESTS.size());
        metadata.put("resourceVersion", "1");
        if (!response.has("items") && method.equals("GET")) {
            response.putArray("items");
        }
        byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(method.equals("POST") ? 201 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void theDriverPodCarriesTheClusterStorageAndJob()
            throws Exception
    {
        try (Connection connection = TestClients.HIVE_JDBC.connect(SLUICE.binaryUrl("default"), "k8s_user"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE STORAGE k8s_lake TYPE S3 WITH (endpoint = 'http://minio.storage:9000', access.key = 'AKIA-K8S', secret.key = 'k8s-secret-value')");
            statement.execute("CREATE CLUSTER kube TYPE KUBERNETES WITH (master = 'k8s://http://127.0.0.1:" + api.getAddress().getPort() + "', "
                    + "image = 'apache/spark:4.0.1', namespace = 'jobs', service.account = 'spark-sa', executor.instances = 2, executor.memory = '2g', storages = 'k8s_lake')");
            String jobId = rows(statement, "SUBMIT JOB etl ON CLUSTER kube CLASS 'org.example.Etl' JAR 'local:///opt/app/etl.jar' ARGS ('2026-12-02', 'full') "
                    + "CONF (spark.sql.shuffle.partitions = '16')").get(0).get(0);
            Map<String, String> job = awaitEnd(statement, jobId, Duration.ofSeconds(120));
            List<String> log = rows(statement, "SHOW JOB LOGS " + jobId + " LIMIT 100000").stream().map(row -> row.get(2)).toList();
            assertThat(job).as(String.join("\n", log)).containsEntry("state", "SUCCEEDED");
            assertThat(log).anyMatch(line -> line.contains("Deployed Spark application etl"));
            assertThat(String.join("\n", log)).doesNotContain("k8s-secret-value", "AKIA-K8S");
        }
        assertThat(REQUESTS).contains("POST /api/v1/namespaces/jobs/pods");
        JsonNode pod = BODIES.get("POST /api/v1/namespaces/jobs/pods");
        assertThat(pod.at("/metadata/labels/spark-role").asText()).isEqualTo("driver");
        assertThat(pod.at("/metadata/labels/spark-app-name").asText()).isEqualTo("etl");
        assertThat(pod.at("/spec/serviceAccountName").asText()).isEqualTo("spark-sa");
        JsonNode container = pod.at("/spec/containers/0");
        assertThat(container.get("image").asText()).isEqualTo("apache/spark:4.0.1");
        List<String> arguments = JSON.convertValue(container.get("args"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(arguments).containsSubsequence("--class", "org.example.Etl", "local:///opt/app/etl.jar", "2026-12-02", "full");
        // Spark's settings reach the driver through its configuration map, the storage's secret with them (for the
        // cluster's eyes only).
        String properties = BODIES.entrySet().stream()
                .filter(entry -> entry.getKey().contains("/namespaces/jobs/configmaps/"))
                .map(entry -> entry.getValue().at("/data/spark.properties").asText())
                .findFirst().orElseThrow();
        assertThat(properties).contains("spark.executor.instances=2", "spark.executor.memory=2g", "spark.sql.shuffle.partitions=16",
                "spark.kubernetes.namespace=jobs", "spark.hadoop.fs.s3a.endpoint=http\\://minio.storage\\:9000", "spark.hadoop.fs.s3a.secret.key=k8s-secret-value");
    }
}
