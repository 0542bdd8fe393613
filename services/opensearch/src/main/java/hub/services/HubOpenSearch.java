package hub.services;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One real OpenSearch node for tests and development: on its own (cluster "hub-test", the
 * default) or as one node of a cluster of several JVMs (services/opensearch-cluster.sh).
 *
 * <p>Usage: {@code java -cp ... hub.services.HubOpenSearch BASE_DIR}
 *
 * <ul>
 *   <li>HTTP on 127.0.0.1, port {@code $OPENSEARCH_PORT} (default 9200);
 *   <li>transport on 127.0.0.1, port {@code $OPENSEARCH_TRANSPORT_PORT} (default HTTP port + 100);
 *   <li>node home, data and logs under BASE_DIR/node_1;
 *   <li>cluster name {@code $OPENSEARCH_CLUSTER_NAME} (default hub-test), node name
 *       {@code $OPENSEARCH_NODE_NAME} (default: the runner's);
 *   <li>without {@code $OPENSEARCH_SEED_HOSTS}: single-node discovery. With it (comma-separated
 *       host:port transports) the node joins those peers; {@code $OPENSEARCH_INITIAL_MANAGERS}
 *       (comma-separated node names) must then name the nodes that bootstrap the cluster the
 *       first time it forms;
 *   <li>no security plugin is on the class path, so there is no TLS and no authentication;
 *   <li>the standard modules are loaded, among them analysis-common (stemmer, asciifolding,
 *       edge_ngram, synonym ...), painless, mapper-extras, reindex and the netty4 transport.
 * </ul>
 *
 * <p>Blocks until the JVM is told to stop (SIGTERM/SIGINT); a shutdown hook closes the node.
 */
public final class HubOpenSearch {

    private HubOpenSearch() {
    }

    private static int envInt(final String name, final int fallback) {
        final String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }

    private static String envText(final String name, final String fallback) {
        final String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String[] envList(final String name) {
        final String value = envText(name, "");
        return value.isEmpty() ? new String[0] : value.split("\\s*,\\s*");
    }

    public static void main(final String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HubOpenSearch BASE_DIR");
            System.exit(2);
        }
        final Path base = Paths.get(args[0]).toAbsolutePath();
        final int httpPort = envInt("OPENSEARCH_PORT", 9200);
        final int transportPort = envInt("OPENSEARCH_TRANSPORT_PORT", httpPort + 100);
        final String clusterName = envText("OPENSEARCH_CLUSTER_NAME", "hub-test");
        final String nodeName = envText("OPENSEARCH_NODE_NAME", "");
        final String[] seedHosts = envList("OPENSEARCH_SEED_HOSTS");
        final String[] initialManagers = envList("OPENSEARCH_INITIAL_MANAGERS");
        final boolean clustered = seedHosts.length > 0;
        if (clustered && initialManagers.length == 0) {
            System.err.println("HubOpenSearch: OPENSEARCH_SEED_HOSTS needs OPENSEARCH_INITIAL_MANAGERS");
            System.exit(2);
        }

        final OpenSearchRunner runner = new OpenSearchRunner();
        final CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!runner.isClosed()) {
                    runner.close();
                }
            } catch (final IOException | RuntimeException e) {
                System.err.println("HubOpenSearch: error while closing: " + e);
            } finally {
                closed.countDown();
            }
        }, "hub-opensearch-shutdown"));

        // Ports are fixed, not probed: a busy port must fail loudly, not drift.
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(transportPort));
            // The runner only fills in node.name, cluster.name and http.port when they are
            // absent and sets no discovery settings, so these win.
            if (!nodeName.isEmpty()) {
                settings.put("node.name", nodeName);
            }
            if (clustered) {
                settings.putList("discovery.seed_hosts", seedHosts);
                settings.putList("cluster.initial_cluster_manager_nodes", initialManagers);
            } else {
                settings.put("discovery.type", "single-node");
            }
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // A test node on a developer's disk: never go read-only because the disk is full-ish.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.destructive_requires_name", false);
        });

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(base.toString())
                    .numOfNode(1)
                    .clusterName(clusterName)
                    .printOnFailure());
            if (!clustered) {
                // A cluster node cannot be healthy alone: the script waits for the cluster.
                runner.ensureYellow();
            }
        } catch (final RuntimeException e) {
            System.err.println("HubOpenSearch: failed to start: " + e);
            e.printStackTrace();
            // Let the shutdown hook close whatever did start.
            System.exit(1);
        }
        System.out.println("HubOpenSearch: " + (clustered ? "node of cluster " : "cluster ") + clusterName
                + (clustered ? " started" : " ready") + " on http://127.0.0.1:" + httpPort
                + " (transport " + transportPort + ", base " + base + ")");

        try {
            closed.await();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
