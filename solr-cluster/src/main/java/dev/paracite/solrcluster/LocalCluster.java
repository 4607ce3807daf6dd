package dev.paracite.solrcluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A local SolrCloud for tests and for trying Paracite by hand: N Solr nodes (Jetty 10) and an embedded
 * ZooKeeper in this JVM, which is why it runs apart from the app. When ready it prints one line on
 * stdout, {@code READY nodes=<url>,<url> zk=<host:port/chroot>}, then reads commands from stdin, one a
 * line, each answered by {@code OK <command>} or {@code ERROR <message>}:
 * <ul>
 *   <li>{@code stop-node I} / {@code start-node I}: stops or restarts node I (0-based; same port); a restart
 *       that brings the last node back answers once every replica is active again</li>
 *   <li>{@code nodes}: prints the {@code READY} line again with the nodes running now</li>
 *   <li>{@code quit}, or end of stdin: shuts the cluster down and exits</li>
 * </ul>
 * Arguments: {@code [--nodes N] [--dir PATH]} (default 2 nodes in a temporary directory, removed on exit).
 */
public final class LocalCluster {

    private final MiniSolrCloudCluster cluster;
    /** Every node by its number, stopped or not (the cluster's own list drops a stopped node). */
    private final List<JettySolrRunner> nodes;
    private final PrintStream out;

    private LocalCluster(MiniSolrCloudCluster cluster, PrintStream out) {
        this.cluster = cluster;
        this.nodes = List.copyOf(cluster.getJettySolrRunners());
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int nodes = 2;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: LocalCluster [--nodes N] [--dir PATH]");
                    System.exit(2);
                }
            }
        }
        boolean temporary = dir == null;
        Path base = temporary ? Files.createTempDirectory("paracite-solr") : Files.createDirectories(dir);
        long start = System.nanoTime();
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, base).build();
        LocalCluster local = new LocalCluster(cluster, System.out);
        Thread hook = new Thread(() -> local.shutdown(base, temporary), "solr-cluster-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.err.printf("LocalCluster: %d nodes up in %d ms in %s%n", nodes, (System.nanoTime() - start) / 1_000_000, base);
        local.ready();
        local.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        // quit or end of input: shut down here, and let the hook find nothing left to do
        Runtime.getRuntime().removeShutdownHook(hook);
        local.shutdown(base, temporary);
        System.exit(0);
    }

    private void ready() {
        List<String> urls = nodes.stream().filter(JettySolrRunner::isRunning)
                .map(j -> j.getBaseUrl().toString()).toList();
        out.println("READY nodes=" + String.join(",", urls) + " zk=" + cluster.getZkServer().getZkAddress());
        out.flush();
    }

    private void serve(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split("\\s+");
            try {
                switch (words[0]) {
                    case "" -> { continue; }
                    case "quit" -> { out.println("OK quit"); out.flush(); return; }
                    case "nodes" -> { ready(); continue; }
                    case "stop-node" -> cluster.stopJettySolrRunner(node(words));
                    case "start-node" -> {
                        JettySolrRunner jetty = node(words);
                        cluster.startJettySolrRunner(jetty, true);
                        cluster.waitForNode(jetty, 60);
                        // with every node back, the cluster is whole once every replica has recovered: a node
                        // stopped mid-recovery next can fail to stop in time
                        if (nodes.stream().allMatch(JettySolrRunner::isRunning)) {
                            for (String collection : cluster.getZkStateReader().getClusterState().getCollectionNames()) {
                                cluster.waitForActiveCollection(collection, 90, TimeUnit.SECONDS);
                            }
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown command: " + words[0]);
                }
                out.println("OK " + line.strip());
            } catch (Exception e) {
                out.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            out.flush();
        }
    }

    private JettySolrRunner node(String[] words) {
        if (words.length != 2) {
            throw new IllegalArgumentException(words[0] + " needs a node number");
        }
        return nodes.get(Integer.parseInt(words[1]));
    }

    private synchronized void shutdown(Path base, boolean temporary) {
        try {
            cluster.shutdown();
        } catch (Exception e) {
            System.err.println("LocalCluster: shutdown failed: " + e);
        }
        if (temporary) {
            try (Stream<Path> files = Files.walk(base)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("LocalCluster: could not remove " + base + ": " + e);
            }
        }
    }
}
