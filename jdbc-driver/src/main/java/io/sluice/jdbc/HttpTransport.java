package io.sluice.jdbc;

import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * HS2 Thrift over HTTP with the JDK's own client: each flush POSTs the buffered call and the answer is read from the
 * response, as Hive's {@code THttpClient} does, without Apache HttpClient. The client keeps the server's cookies.
 */
final class HttpTransport
        extends TTransport
{
    private final HttpClient client;
    private final URI uri;
    private final String authorization;
    private final Duration requestTimeout;
    private final TConfiguration configuration;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
    private byte[] response = new byte[0];
    private int position;
    private boolean open = true;

    HttpTransport(HttpClient client, URI uri, String authorization, Duration requestTimeout, TConfiguration configuration)
    {
        this.client = requireNonNull(client, "client is null");
        this.uri = requireNonNull(uri, "uri is null");
        this.authorization = authorization;
        this.requestTimeout = requestTimeout;
        this.configuration = requireNonNull(configuration, "configuration is null");
    }

    @Override
    public boolean isOpen()
    {
        return open;
    }

    @Override
    public void open()
    {
        open = true;
    }

    @Override
    public void close()
    {
        open = false;
    }

    @Override
    public int read(byte[] buffer, int offset, int length)
            throws TTransportException
    {
        int available = response.length - position;
        if (available <= 0) {
            throw new TTransportException(TTransportException.END_OF_FILE, "The server's HTTP answer ended early");
        }
        int read = Math.min(available, length);
        System.arraycopy(response, position, buffer, offset, read);
        position += read;
        return read;
    }

    @Override
    public void write(byte[] buffer, int offset, int length)
    {
        request.write(buffer, offset, length);
    }

    @Override
    public void flush()
            throws TTransportException
    {
        if (!open) {
            throw new TTransportException(TTransportException.NOT_OPEN, "The connection is closed");
        }
        byte[] body = request.toByteArray();
        request.reset();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-thrift")
                .header("Accept", "application/x-thrift")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException e) {
            throw new TTransportException(TTransportException.UNKNOWN, "HTTP request to " + uri + " failed: " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TTransportException(TTransportException.UNKNOWN, "Interrupted while waiting for " + uri, e);
        }
        if (answer.statusCode() != 200) {
            String text = new String(answer.body(), StandardCharsets.UTF_8).trim();
            if (text.length() > 500) {
                text = text.substring(0, 500) + "...";
            }
            throw new TTransportException(TTransportException.UNKNOWN, "HTTP " + answer.statusCode() + " from " + uri + (text.isEmpty() ? "" : ": " + text));
        }
        response = answer.body();
        position = 0;
    }

    @Override
    public TConfiguration getConfiguration()
    {
        return configuration;
    }

    @Override
    public void updateKnownMessageSize(long size)
    {
    }

    @Override
    public void checkReadBytesAvailable(long numBytes)
            throws TTransportException
    {
        if (numBytes > response.length - position) {
            throw new TTransportException(TTransportException.END_OF_FILE, "The server's answer announces " + numBytes + " bytes but holds " + (response.length - position));
        }
    }
}
