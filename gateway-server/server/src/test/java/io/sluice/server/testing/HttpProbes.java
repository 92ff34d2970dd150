package io.sluice.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Readiness probes over HTTP for the servers the tests start. */
public final class HttpProbes
{
    private HttpProbes() {}

    /** Whether {@code GET url} answers 200 within {@code timeout}; false if nothing answers. */
    public static boolean answersOk(HttpClient http, URI url, Duration timeout)
    {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
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
