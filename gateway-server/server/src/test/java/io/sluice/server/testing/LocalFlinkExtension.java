package io.sluice.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local Flink ({@code bin/sluice engine start flink}: a MiniCluster and the SQL Gateway in one JVM, with the
 * catalog {@value #CATALOG} every session sees); {@code SLUICE_FLINK_PORT} picks another port.
 */
public final class LocalFlinkExtension
        extends LocalEngineExtension
{
    /** The local Flink's persistent catalog, which {@code engine.flink.catalog} names. */
    public static final String CATALOG = "sluice";

    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLUICE_FLINK_PORT", "8083"));
    private static final Pattern CLUSTER_PORT = Pattern.compile("MiniCluster REST on (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalFlinkExtension()
    {
        super("flink");
    }

    public String endpoint()
    {
        return "http://127.0.0.1:" + PORT;
    }

    /** The MiniCluster's own REST API (jobs and their states), as the launcher logs it. */
    public String clusterEndpoint()
            throws IOException
    {
        Matcher matcher = CLUSTER_PORT.matcher(Files.readString(directory().resolve("flink.log")));
        String port = null;
        while (matcher.find()) {
            port = matcher.group(1);
        }
        if (port == null) {
            throw new IllegalStateException("The local Flink did not log its MiniCluster's port");
        }
        return "http://127.0.0.1:" + port;
    }

    /** Whether the SQL Gateway answers. */
    @Override
    public boolean ready()
    {
        return HttpProbes.answersOk(http, URI.create(endpoint() + "/v1/info"), Duration.ofSeconds(5));
    }
}
