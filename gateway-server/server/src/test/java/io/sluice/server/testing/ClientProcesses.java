package io.sluice.server.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Clients that run in processes of their own: beeline (from the test-clients folder), node, keytool. */
public final class ClientProcesses
{
    private ClientProcesses() {}

    /** How a process ended: its exit code and its standard output and error, interleaved. */
    public record Result(int exitCode, String output) {}

    public static String javaExecutable()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** beeline with these arguments ({@code -u url -n user -p password -e ...}). */
    public static Result beeline(List<String> arguments)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", TestClients.root().resolve("beeline") + "/*", "org.apache.hive.beeline.BeeLine"));
        command.addAll(arguments);
        return run(command, null);
    }

    /** Node's {@code hive-driver} over the binary port, SASL PLAIN, no TLS. */
    public static Result nodeQuery(int port, String user, String password, String sql)
            throws IOException, InterruptedException
    {
        return nodeQuery("tcp", port, Optional.empty(), user, password, sql);
    }

    /**
     * Node's {@code hive-driver} (from the test-clients folder): {@code tcp} (the binary port, SASL PLAIN) or
     * {@code http} (Thrift HTTP at {@code /cliservice}, Basic), over TLS verified against {@code ca} (a PEM file) when
     * given; runs the query asynchronously, fetches everything and prints the rows as JSON.
     */
    public static Result nodeQuery(String transport, int port, Optional<Path> ca, String user, String password, String sql)
            throws IOException, InterruptedException
    {
        Path node = TestClients.root().resolve("node");
        Path script = node.resolve("sluice-query.js");
        Files.writeString(script, """
                const fs = require('fs');
                const hive = require('hive-driver');
                const { TCLIService, TCLIService_types } = hive.thrift;
                const client = new hive.HiveClient(TCLIService, TCLIService_types);
                const utils = new hive.HiveUtils(TCLIService_types);
                const [port, user, password, sql, transport, caFile] = process.argv.slice(2);
                const ca = caFile ? fs.readFileSync(caFile) : undefined;
                (async () => {
                  if (transport === 'http') {
                    await client.connect({ host: '127.0.0.1', port: Number(port),
                          options: { path: '/cliservice', https: !!ca, nodeOptions: ca ? { ca, rejectUnauthorized: true } : {} } },
                        new hive.connections.HttpConnection(), new hive.auth.PlainHttpAuthentication({ username: user, password }));
                  } else {
                    await client.connect({ host: '127.0.0.1', port: Number(port), options: ca ? { ssl: true, ca, rejectUnauthorized: true } : {} },
                        new hive.connections.TcpConnection(), new hive.auth.PlainTcpAuthentication({ username: user, password }));
                  }
                  const session = await client.openSession({ client_protocol: TCLIService_types.TProtocolVersion.HIVE_CLI_SERVICE_PROTOCOL_V10 });
                  const operation = await session.executeStatement(sql, { runAsync: true });
                  await utils.waitUntilReady(operation, false, () => {});
                  await utils.fetchAll(operation);
                  await operation.close();
                  console.log(JSON.stringify(utils.getResult(operation).getValue()));
                  await session.close();
                  await client.close();
                })().catch(error => { console.error(String(error)); process.exit(1); });
                """, StandardCharsets.UTF_8);
        return run(List.of("node", script.toString(), String.valueOf(port), user, password, sql, transport, ca.map(Path::toString).orElse("")), node.toFile());
    }

    public static Result run(List<String> command, File directory)
            throws IOException, InterruptedException
    {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
