package io.sluice.catalog.iceberg;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The Iceberg REST service on the JDK's HTTP server, for Iceberg's own REST client to talk to in tests. */
final class TestingIcebergServer
        implements AutoCloseable
{
    private final HttpServer server;

    TestingIcebergServer(IcebergRestService service)
            throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/iceberg", exchange -> serve(service, exchange));
        server.start();
    }

    String uri()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/iceberg";
    }

    private static void serve(IcebergRestService service, HttpExchange exchange)
            throws IOException
    {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath().substring("/iceberg".length());
            Map<String, String> query = new HashMap<>();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int equals = pair.indexOf('=');
                    query.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                            equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            IcebergRestService.Reply reply = service.handle(exchange.getRequestMethod(), path, query, body);
            if (reply.body().isEmpty()) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            byte[] bytes = reply.body().get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(bytes);
            }
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
