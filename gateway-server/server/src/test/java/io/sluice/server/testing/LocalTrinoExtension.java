package io.sluice.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The local Trino ({@code bin/sluice engine start trino}); {@code SLUICE_TRINO_PORT} picks another port. */
public final class LocalTrinoExtension
        extends LocalEngineExtension
{
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLUICE_TRINO_PORT", "8080"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalTrinoExtension()
    {
        super("trino");
    }

    public String endpoint()
    {
        return "http://127.0.0.1:" + PORT;
    }

    /** Whether Trino answers and has finished starting. */
    @Override
    public boolean ready()
    {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + "/v1/info")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"starting\":false");
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
