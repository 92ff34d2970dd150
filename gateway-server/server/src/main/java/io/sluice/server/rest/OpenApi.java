package io.sluice.server.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The REST API's OpenAPI 3.1 document, kept beside the handlers ({@code openapi.json} in this package's resources)
 * and served at {@code /openapi.json}; a test calls every endpoint and validates its answers against it.
 */
public final class OpenApi
{
    private static final byte[] DOCUMENT = load();

    private OpenApi() {}

    public static byte[] document()
    {
        return DOCUMENT.clone();
    }

    private static byte[] load()
    {
        try (InputStream input = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (input == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            return input.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
