package dev.paracite.retrieval.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local SolrCloud in a child JVM: solr-cluster/'s LocalCluster, launched with the classpath its build
 * wrote (solr-cluster/target/classpath.txt; the app's build makes it before the integration tests), so
 * Solr's Jetty 10 never meets the app's Jetty 12. Its log goes to target/solr-cluster-*.log.
 */
final class LocalSolrCloud implements AutoCloseable {

    private static final Path BUILD = Path.of(System.getProperty("paracite.solrCluster.dir", "solr-cluster/target"));
    /** Generous: ~6 s on an idle 2-core machine, much more on a busy one. */
    private static final long START_SECONDS = 180;

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final String zk;
    private volatile List<String> urls;
    private final long startMillis;

    private LocalSolrCloud(Process process) throws IOException, InterruptedException, TimeoutException {
        long start = System.nanoTime();
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String ready = line(START_SECONDS);
        if (ready == null || !ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the local SolrCloud did not start: " + ready + " (see target/solr-cluster-*.log)");
        }
        this.urls = nodes(ready);
        this.zk = ready.replaceFirst(".* zk=", "");
        this.startMillis = (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts a cluster of {@code nodes} nodes and waits until it serves. */
    static LocalSolrCloud start(int nodes) throws Exception {
        return start(nodes, "512m");
    }

    /** The same with {@code heap} as the child JVM's -Xmx (512m for the tests; a benchmark at scale needs more). */
    static LocalSolrCloud start(int nodes, String heap) throws Exception {
        Path classpath = BUILD.resolve("classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(classpath.toAbsolutePath() + " is missing: build the cluster first, "
                    + "mvn -f solr-cluster/pom.xml package (mvn verify does it)");
        }
        String cp = BUILD.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(classpath).strip();
        Path log = Path.of("target", "solr-cluster-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", cp, "dev.paracite.solrcluster.LocalCluster", "--nodes", String.valueOf(nodes))
                .redirectError(log.toFile()).start();
        return new LocalSolrCloud(process);
    }

    /** The base URLs of the nodes running now ({@code http://127.0.0.1:PORT/solr}). */
    List<String> urls() {
        return urls;
    }

    /** The child JVM's process id (for its CPU time and heap). */
    long pid() {
        return process.pid();
    }

    String zk() {
        return zk;
    }

    long startMillis() {
        return startMillis;
    }

    void stopNode(int node) throws Exception {
        command("stop-node " + node);
    }

    void startNode(int node) throws Exception {
        command("start-node " + node);
    }

    private synchronized void command(String command) throws Exception {
        in.println(command);
        String answer = line(300); // a restart waits for every replica to recover
        if (answer == null || !answer.equals("OK " + command)) {
            throw new IllegalStateException(command + ": " + answer);
        }
        in.println("nodes");
        urls = nodes(line(30));
    }

    private static List<String> nodes(String ready) {
        return List.of(ready.replaceFirst("^READY nodes=", "").replaceFirst(" zk=.*", "").split(","));
    }

    private String line(long seconds) throws IOException, InterruptedException, TimeoutException {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        in.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
