package dev.paracite.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged server started as a user starts it, for benchmarks that measure it from outside. */
final class ServedJar implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int port;
    final long startNanos;

    private ServedJar(Process process, int port, long startNanos) {
        this.process = process;
        this.port = port;
        this.startNanos = startNanos;
    }

    static ServedJar start(Map<String, String> env) throws Exception {
        return start(env, "target/paracite.jar");
    }

    /**
     * The server of the jar at {@code jar} (another build, to compare with), or of a launcher script
     * (a path not ending in .jar, such as target/paracite), which runs it as the README does.
     */
    static ServedJar start(Map<String, String> env, String jar) throws Exception {
        Path log = Files.createTempFile("paracite-bench", ".log");
        List<String> command = new ArrayList<>(jar.endsWith(".jar")
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar) : List.of(jar));
        command.addAll(List.of("serve", "--port", "0", "--rate-limit", "0", "--max-answering", "1000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process p = builder.start();
        Pattern address = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 6_000; i++) {
            Matcher m = address.matcher(Files.readString(log));
            if (m.find()) {
                return new ServedJar(p, Integer.parseInt(m.group(1)), start);
            }
            Thread.sleep(5);
        }
        p.destroyForcibly();
        throw new IllegalStateException("server did not start: " + Files.readString(log));
    }

    HttpResponse<String> ask(String question) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Resident set size of the server process, from /proc, in MB. */
    double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
