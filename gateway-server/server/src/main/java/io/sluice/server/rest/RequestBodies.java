package io.sluice.server.rest;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Request bodies read up to {@code server.thrift.max-frame-size}, for the REST API, the Iceberg REST catalog and HS2
 * over HTTP alike. A larger body is not kept: it is read and discarded, up to {@link #DRAIN_LIMIT} bytes, before the
 * 413 is sent, so that a client still sending it reads the answer instead of a reset connection (a server that closes
 * a socket with unread bytes resets it, and the client's TCP stack drops the response). A body over the drain limit is
 * not waited for: the 413 is sent and the connection closed.
 */
public final class RequestBodies
{
    /** The most bytes read and thrown away to answer a too-large request cleanly. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private RequestBodies() {}

    /** The request's body, or empty when it is larger than {@code limit} bytes (declared or as sent). */
    public static Optional<byte[]> read(Request request, long limit)
            throws IOException
    {
        long declared = request.getLength();
        try (InputStream input = Content.Source.asInputStream(request)) {
            if (declared > limit) {
                if (declared <= DRAIN_LIMIT) {
                    discard(input, declared);
                }
                return Optional.empty();
            }
            byte[] bytes = input.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                discard(input, DRAIN_LIMIT - bytes.length);
                return Optional.empty();
            }
            return Optional.of(bytes);
        }
    }

    private static void discard(InputStream input, long atMost)
            throws IOException
    {
        byte[] buffer = new byte[64 * 1024];
        long left = atMost;
        while (left > 0) {
            int read = input.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }
}
