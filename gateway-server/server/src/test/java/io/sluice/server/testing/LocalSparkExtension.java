package io.sluice.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The local Spark Connect server ({@code bin/sluice engine start spark}); {@code SLUICE_SPARK_PORT} picks another port. */
public final class LocalSparkExtension
        extends LocalEngineExtension
{
    private static final int PORT = Integer.parseInt(System.getenv().getOrDefault("SLUICE_SPARK_PORT", "15002"));

    public LocalSparkExtension()
    {
        super("spark");
    }

    public String remote()
    {
        return "sc://127.0.0.1:" + PORT;
    }

    /** Whether the server accepts connections (it listens once it is ready). */
    @Override
    public boolean ready()
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 2000);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}
