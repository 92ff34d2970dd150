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

import java.util.List;

/**
 * A persistent MiniCluster (one TaskManager) and the Flink SQL Gateway in one JVM, bound to 127.0.0.1. Statements
 * run as jobs on the MiniCluster ({@code execution.target: remote}); a MiniCluster per statement would cost seconds.
 * Arguments: the gateway's port (default 8083) and the number of task slots (default 4). Flink reads
 * {@code $FLINK_CONF_DIR/config.yaml}, which may be empty.
 */
public final class LocalFlinkGateway
{
    private LocalFlinkGateway() {}

    public static void main(String[] args)
            throws Exception
    {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8083;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 4;
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
