package io.sluice.engine.flink.local;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.gateway.SqlGateway;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A persistent MiniCluster (one TaskManager) and the Flink SQL Gateway in one JVM, bound to 127.0.0.1. Statements
 * run as jobs on the MiniCluster ({@code execution.target: remote}); a MiniCluster per statement would cost seconds.
 * Arguments: the gateway's port (default 8083), the data directory (default {@code var/engines/flink}), the
 * number of task slots (default 4) and the URI of Sluice's Iceberg REST catalog (default
 * {@code http://127.0.0.1:10099/iceberg}). Flink reads {@code $FLINK_CONF_DIR/config.yaml}, which may be empty.
 *
 * <p>Every session sees the catalog {@value #CATALOG} (a {@link LocalCatalog} under {@code <data>/warehouse}) and
 * the catalog {@value #LAKEHOUSE} (Iceberg's Flink catalog on Sluice's REST catalog), both registered in a file
 * catalog store under {@code <data>/catalogs}: their tables outlive sessions and restarts. Flink opens the lakehouse
 * catalog at its first use in a session, so the gateway starts whether Sluice is up or not.
 */
public final class LocalFlinkGateway
{
    public static final String CATALOG = "sluice";
    public static final String LAKEHOUSE = "lakehouse";

    private LocalFlinkGateway() {}

    public static void main(String[] args)
            throws Exception
    {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8083;
        Path data = Path.of(args.length > 1 ? args[1] : "var/engines/flink").toAbsolutePath().normalize();
        int slots = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String lakehouse = args.length > 3 ? args[3] : "http://127.0.0.1:10099/iceberg";
        long start = System.nanoTime();

        Configuration cluster = new Configuration();
        cluster.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.ADDRESS, "127.0.0.1");
        cluster.set(RestOptions.PORT, 0);
        cluster.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        cluster.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        cluster.set(TaskManagerOptions.HOST, "127.0.0.1");
        MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(cluster)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        miniCluster.start();
        int clusterPort = miniCluster.getRestAddress().get().getPort();

        Configuration gateway = new Configuration();
        gateway.setString("sql-gateway.endpoint.rest.address", "127.0.0.1");
        gateway.setString("sql-gateway.endpoint.rest.bind-address", "127.0.0.1");
        gateway.setString("sql-gateway.endpoint.rest.port", String.valueOf(port));
        gateway.set(DeploymentOptions.TARGET, "remote");
        gateway.set(RestOptions.ADDRESS, "127.0.0.1");
        gateway.set(RestOptions.PORT, clusterPort);
        Path catalogs = Files.createDirectories(data.resolve("catalogs"));
        Files.writeString(catalogs.resolve(CATALOG + ".yaml"),
                "type: " + LocalCatalogFactory.IDENTIFIER + "\npath: " + data.resolve("warehouse") + "\n");
        Files.writeString(catalogs.resolve(LAKEHOUSE + ".yaml"),
                "type: iceberg\ncatalog-type: rest\nuri: '" + lakehouse.replace("'", "''") + "'\n");
        gateway.setString("table.catalog-store.kind", "file");
        gateway.setString("table.catalog-store.file.path", catalogs.toUri().toString());
        SqlGateway sqlGateway = new SqlGateway(gateway, SessionManager.create(DefaultContext.load(gateway, List.of(), false)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sqlGateway.stop();
            try {
                miniCluster.close();
            }
            catch (Exception ignored) {
                // The JVM is ending.
            }
        }));
        sqlGateway.start();
        System.out.printf("Flink SQL Gateway ready on http://127.0.0.1:%d after %d ms (MiniCluster REST on %d)%n",
                port, (System.nanoTime() - start) / 1_000_000, clusterPort);
        sqlGateway.waitUntilStop();
    }
}
