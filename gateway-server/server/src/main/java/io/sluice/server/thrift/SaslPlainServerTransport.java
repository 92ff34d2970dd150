package io.sluice.server.thrift;

import io.sluice.server.auth.Authentication;
import io.sluice.server.auth.Login;
import io.sluice.spi.SluiceException;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TEndpointTransport;
import org.apache.thrift.transport.TTransportException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static java.lang.String.format;

/**
 * The server side of Thrift's SASL transport with the PLAIN mechanism, as Hive clients speak it: a negotiation of
 * {@code status byte, 4-byte length, payload} messages, then {@code 4-byte length, payload} frames. Written here,
 * rather than taken from libthrift, so that every length is checked against its limit before anything is
 * allocated, and so that the authenticated user is known to the connection.
 */
final class SaslPlainServerTransport
        extends TEndpointTransport
{
    private static final int START = 1;
    private static final int OK = 2;
    private static final int BAD = 3;
    private static final int ERROR = 4;
    private static final int COMPLETE = 5;
    private static final int MAX_NEGOTIATION_PAYLOAD = 64 * 1024;

    private final DataInputStream input;
    private final OutputStream output;
    private final long maxFrameSize;
    private final ByteArrayOutputStream writeBuffer = new ByteArrayOutputStream(1024);
    private byte[] frame = new byte[0];
    private int framePosition;
    private String user;
    private boolean open = true;

    SaslPlainServerTransport(TConfiguration configuration, InputStream input, OutputStream output)
            throws TTransportException
    {
        super(configuration);
        this.input = new DataInputStream(input);
        this.output = output;
        this.maxFrameSize = configuration.getMaxFrameSize();
    }

    /** Runs the SASL negotiation; returns the login or throws with the reason sent to the client. */
    Login negotiate(Authentication authentication, String address)
            throws TTransportException
    {
        try {
            int status = input.readUnsignedByte();
            byte[] mechanism = readNegotiationPayload();
            if (status != START) {
                throw reject(ERROR, format("Expected a SASL START message, got status %s", status));
            }
            String mechanismName = new String(mechanism, StandardCharsets.UTF_8);
            if (!mechanismName.equals("PLAIN")) {
                throw reject(BAD, format("Unsupported SASL mechanism %s: this server accepts PLAIN", mechanismName));
            }
            status = input.readUnsignedByte();
            byte[] response = readNegotiationPayload();
            if (status != OK && status != COMPLETE) {
                throw reject(ERROR, format("Expected a SASL response, got status %s", status));
            }
            // authorization id NUL authentication id NUL password
            String[] parts = new String(response, StandardCharsets.UTF_8).split("\0", -1);
            if (parts.length != 3 || parts[1].isEmpty()) {
                throw reject(BAD, "Malformed SASL PLAIN response: expected authorization id, user and password");
            }
            Login login;
            try {
                login = authentication.password(parts[1], parts[2], address, "binary");
            }
            catch (SluiceException e) {
                throw reject(BAD, e.getMessage());
            }
            sendMessage(COMPLETE, new byte[0]);
            user = login.user();
            return login;
        }
        catch (IOException e) {
            throw new TTransportException(TTransportException.END_OF_FILE, "Connection ended during SASL negotiation: " + e.getMessage(), e);
        }
    }

    private byte[] readNegotiationPayload()
            throws IOException, TTransportException
    {
        int length = input.readInt();
        if (length < 0 || length > MAX_NEGOTIATION_PAYLOAD) {
            throw reject(ERROR, format("SASL message of %s bytes exceeds the limit of %s bytes", length, MAX_NEGOTIATION_PAYLOAD));
        }
        byte[] payload = new byte[length];
        input.readFully(payload);
        return payload;
    }

    private TTransportException reject(int status, String message)
            throws TTransportException
    {
        try {
            sendMessage(status, message.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ignored) {
            // the client may already be gone; the connection is closed either way
        }
        return new TTransportException(TTransportException.CORRUPTED_DATA, message);
    }

    private void sendMessage(int status, byte[] payload)
            throws IOException
    {
        output.write(status);
        writeInt(payload.length);
        output.write(payload);
        output.flush();
    }

    private void writeInt(int value)
            throws IOException
    {
        output.write(value >>> 24);
        output.write(value >>> 16);
        output.write(value >>> 8);
        output.write(value);
    }

    @Override
    public boolean isOpen()
    {
        return open;
    }

    @Override
    public void open() {}

    @Override
    public void close()
    {
        open = false;
    }

    @Override
    public int read(byte[] buffer, int offset, int length)
            throws TTransportException
    {
        if (framePosition == frame.length) {
            readFrame();
        }
        int count = Math.min(length, frame.length - framePosition);
        System.arraycopy(frame, framePosition, buffer, offset, count);
        framePosition += count;
        return count;
    }

    private void readFrame()
            throws TTransportException
    {
        try {
            int length;
            do {
                length = input.readInt();
            }
            while (length == 0);
            if (length < 0 || length > maxFrameSize) {
                throw new TTransportException(TTransportException.CORRUPTED_DATA,
                        format("Frame of %s bytes exceeds the limit of %s bytes (server.thrift.max-frame-size)", Integer.toUnsignedLong(length), maxFrameSize));
            }
            frame = new byte[length];
            input.readFully(frame);
            framePosition = 0;
            resetConsumedMessageSize(-1);
        }
        catch (EOFException e) {
            throw new TTransportException(TTransportException.END_OF_FILE, "The client closed the connection");
        }
        catch (IOException e) {
            throw new TTransportException(TTransportException.UNKNOWN, e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] buffer, int offset, int length)
    {
        writeBuffer.write(buffer, offset, length);
    }

    @Override
    public void flush()
            throws TTransportException
    {
        try {
            writeInt(writeBuffer.size());
            writeBuffer.writeTo(output);
            output.flush();
        }
        catch (IOException e) {
            throw new TTransportException(TTransportException.UNKNOWN, "Writing to the client failed: " + e.getMessage(), e);
        }
        finally {
            writeBuffer.reset();
        }
    }

    String user()
    {
        return user;
    }
}
