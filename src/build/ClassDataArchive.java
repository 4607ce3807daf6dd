import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run by the build after the jar is packaged (java src/build/ClassDataArchive.java TARGET): serves the
 * built-in document once, asks and streams one question and loads the page, listing every class the
 * JVM loaded; dumps those classes into a class-data-sharing archive (TARGET/paracite.jsa) that the
 * JVM maps instead of loading and verifying them again; and writes the launcher TARGET/paracite that
 * runs the jar with it. The archive belongs to this JVM and this jar: the launcher's JVM uses it only
 * when both match, and says so when they do not (bench/README.md, "Start-up").
 */
public final class ClassDataArchive {

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Path jar = target.resolve("paracite.jar");
        Path classes = target.resolve("paracite.classlist");
        Path archive = target.resolve("paracite.jsa");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        train(java, jar, classes);
        Path log = target.resolve("paracite.jsa.log");
        Process dump = new ProcessBuilder(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!dump.waitFor(300, TimeUnit.SECONDS) || dump.exitValue() != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("the class-data archive could not be written; see " + log);
        }
        Path launcher = target.resolve("paracite");
        Files.writeString(launcher, """
                #!/bin/sh
                # Runs Paracite's jar with the class-data archive built beside it (a faster start) and memory
                # settings sized for the work (bench/README.md, "Start-up" and "Resident memory"): the serial
                # collector, a heap that starts at 96 MB with a young generation of 32 MB and gives back what it does not use
                # (it still grows to the document: PARACITE_MAX_HEAP, default 4g), two malloc arenas.
                # Other JVM options via JAVA_OPTS.
                dir=$(cd "$(dirname "$0")" && pwd)
                export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
                exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:SharedArchiveFile="$dir/paracite.jsa" -Xshare:auto \\
                  %s -Xmx"${PARACITE_MAX_HEAP:-4g}" $JAVA_OPTS -jar "$dir/paracite.jar" "$@"
                """.formatted(MEMORY));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.out.printf("class-data archive %s (%.1f MB) and launcher %s written%n", archive,
                Files.size(archive) / 1e6, launcher);
    }

    /** The launcher's memory settings (bench/README.md, "Resident memory"). */
    static final String MEMORY = "-XX:+UseSerialGC -Xms96m -Xmn32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";

    private static void train(String java, Path jar, Path classes) throws Exception {
        Path log = Files.createTempFile("paracite-cds", ".log");
        Process server = new ProcessBuilder(java, "-XX:DumpLoadedClassList=" + classes, "-jar", jar.toString(),
                "serve", "--port", "0").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port(server, log);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String question = "{\"question\": \"What role should the ruble play?\"}";
            for (HttpRequest request : List.of(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpRequest.newBuilder(URI.create(base + "/app.js")).build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/paragraphs")).build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/ask")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(question)).build(),
                    HttpRequest.newBuilder(URI.create(base + "/api/ask/stream")).header("Content-Type", "application/json")
                            .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(question)).build())) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
                }
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static int port(Process server, Path log) throws IOException, InterruptedException {
        Pattern address = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 1_200 && server.isAlive(); i++) {
            Matcher m = address.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not start for the class-data training run: " + Files.readString(log));
    }
}
