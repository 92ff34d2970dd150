package io.sluice.server.thrift;

import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.Login;
import io.sluice.server.rest.RequestBodies;
import io.sluice.server.session.Caller;
import io.sluice.spi.ErrorCode;
import io.sluice.spi.SluiceException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TProcessor;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * HS2 Thrift over HTTP: each POST to the configured path carries one binary-protocol call; the user comes from the
 * request's Basic authorization (the Hive drivers always send one) or, with authentication on, a Bearer token (the
 * Hive driver's {@code auth=jwt;jwt=...}). Requests over
 * {@code server.thrift.max-frame-size} are refused with a 413 (see {@link RequestBodies}).
 */
public final class HttpThriftHandler
        extends Handler.Abstract
{
    private static final Logger log = LoggerFactory.getLogger(HttpThriftHandler.class);

    private final TProcessor processor;
    private final String path;
    private final long maxRequestSize;
    private final Authentication authentication;

    public HttpThriftHandler(TProcessor processor, String path, long maxRequestSize, Authentication authentication)
    {
        this.processor = requireNonNull(processor, "processor is null");
        this.path = requireNonNull(path, "path is null");
        this.maxRequestSize = maxRequestSize;
        this.authentication = requireNonNull(authentication, "authentication is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback)
            throws Exception
    {
        String requestPath = Request.getPathInContext(request);
        if (!requestPath.equals(path) && !requestPath.equals(path + "/")) {
            return plain(response, callback, HttpStatus.NOT_FOUND_404, "No Thrift service at " + requestPath + "; use " + path);
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            return plain(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Thrift calls are POST requests");
        }
        Login login;
        try {
            Optional<Login> authorized = authentication.authorization(request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request), "http");
            if (authorized.isEmpty()) {
                throw new SluiceException(ErrorCode.AUTHENTICATION_FAILED, "Authentication required");
            }
            login = authorized.get();
        }
        catch (SluiceException e) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"sluice\"");
            return plain(response, callback, HttpStatus.UNAUTHORIZED_401, e.getMessage());
        }
        byte[] body;
        try {
            Optional<byte[]> read = RequestBodies.read(request, maxRequestSize);
            if (read.isEmpty()) {
                long length = request.getLength();
                return plain(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                        (length >= 0 ? "Request of " + length + " bytes" : "Request") + " exceeds server.thrift.max-frame-size");
            }
            body = read.get();
        }
        catch (IOException e) {
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, "The request body could not be read: " + e.getMessage());
        }
        TConfiguration configuration = new TConfiguration((int) maxRequestSize, (int) maxRequestSize, TConfiguration.DEFAULT_RECURSION_DEPTH);
        ByteArrayOutputStream output = new ByteArrayOutputStream(4096);
        CallContext.set(Caller.http(login.user(), Request.getRemoteAddr(request), login.groups(), login.roleScope()));
        try {
            processor.process(
                    new TBinaryProtocol(new TMemoryInputTransport(configuration, body), maxRequestSize, maxRequestSize),
                    new TBinaryProtocol(new TIOStreamTransport(configuration, output)));
        }
        catch (Exception e) {
            log.warn("Malformed Thrift HTTP request from {}: {}", Request.getRemoteAddr(request), e.getMessage());
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, "Malformed Thrift request: " + e.getMessage());
        }
        finally {
            CallContext.clear();
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-thrift");
        response.write(true, ByteBuffer.wrap(output.toByteArray()), callback);
        return true;
    }

    /** A plain-text error answer (Jetty's error page needs the request, and answered 500 instead without it). */
    private static boolean plain(Response response, Callback callback, int status, String message)
    {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
