package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written servers that misbehave: every case is a clear SQLException, with nothing left running. */
class TestServerEdges
{
    /** Serves each connection with the handler on a thread of its own until closed. */
    private static ServerSocket stub(Consumer<Socket> handler)
            throws IOException
    {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    handler.accept(socket);
                }
                catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static Properties user()
    {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        return properties;
    }

    @Test
    void aServerThatHangsUpAtOnce()
            throws IOException
    {
        try (ServerSocket server = stub(socket -> {})) {
            String host = "127.0.0.1:" + server.getLocalPort();
            assertThatThrownBy(() -> new SluiceDriver().connect("jdbc:sluice://" + host + "/default", user()))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
                    .hasMessageContaining("Could not open a session at " + host);
        }
    }

    @Test
    void aServerThatSpeaksGarbage()
            throws IOException
    {
        try (ServerSocket server = stub(socket -> write(socket, "HTTP/1.1 400 Bad Request\r\n\r\nnot thrift at all".getBytes(StandardCharsets.US_ASCII)))) {
            String host = "127.0.0.1:" + server.getLocalPort();
            assertThatThrownBy(() -> new SluiceDriver().connect("jdbc:sluice://" + host + "/default?connectTimeout=2000&socketTimeout=5000", user()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(host);
        }
    }

    @Test
    void httpAnswersThatAreNotThrift()
            throws IOException
    {
        for (int status : new int[] {500, 401}) {
            try (ServerSocket server = stub(socket -> {
                readRequest(socket);
                String body = status == 401 ? "Authentication required" : "boom";
                write(socket, ("HTTP/1.1 " + status + " Whatever\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            })) {
                String host = "127.0.0.1:" + server.getLocalPort();
                assertThatThrownBy(() -> new SluiceDriver().connect("jdbc:sluice://" + host + "/default?transport=http", user()))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(status == 401 ? "28000" : "08001"))
                        .hasMessageContaining("HTTP " + status)
                        .hasMessageContaining(status == 401 ? "Authentication required" : "boom");
            }
        }
    }

    private static void readRequest(Socket socket)
    {
        try {
            InputStream input = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = input.read();
                if (c < 0) {
                    return;
                }
                head.append((char) c);
            }
            String text = head.toString().toLowerCase(java.util.Locale.ROOT);
            int at = text.indexOf("content-length:");
            if (at >= 0) {
                int length = Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
                input.readNBytes(length);
            }
        }
        catch (IOException e) {
            // The client went away.
        }
    }

    private static void write(Socket socket, byte[] bytes)
    {
        try {
            OutputStream output = socket.getOutputStream();
            output.write(bytes);
            output.flush();
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        }
        catch (IOException e) {
            // The client went away.
        }
    }
}
