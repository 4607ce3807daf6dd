package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paracite.provider.Fakes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: one self-contained file, offline, with its exit codes. */
class JarIT {

    private static final Path JAR = Path.of("target/paracite.jar");

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("paracite-out", ".txt");
        Path err = Files.createTempFile("paracite-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish within 60 s");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void the_readme_question_is_answered_with_paragraph_8() throws Exception {
        Run r = run("ask", "What role should the ruble play?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("reserve currency [8]."), r.out());
        assertTrue(r.out().contains("[8] II. Economic cooperation"), r.out());
        assertTrue(r.err().contains("dropped lines 63-65: paragraph 15 repeated with identical text"), r.err());
    }

    @Test
    void json_and_exit_code_3_for_a_question_the_document_cannot_answer() throws Exception {
        Run r = run("ask", "--json", "What is the population of Kazakhstan?");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("\"outcome\" : \"not_in_document\""), r.out());
    }

    @Test
    void serve_fails_fast_with_one_sentence_when_the_port_is_taken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run("serve", "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().endsWith("paracite: Port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --port.\n"), r.err());
        }
    }

    @Test
    void serve_answers_over_http_and_stops_cleanly_on_sigterm() throws Exception {
        Path log = Files.createTempFile("paracite-serve", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "serve", "--port", "0").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PARACITE_ACCESS_KEYS", "k1,k2");
        Process p = builder.start();
        try {
            int port = awaitPort(log);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            HttpResponse<String> ask = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer k2")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What role should the ruble play?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(ask.body().contains("\"outcome\":\"answered\""), ask.body());
            p.destroy();
            assertTrue(p.waitFor(15, TimeUnit.SECONDS), "the server did not stop within 15 s of SIGTERM");
            String logged = Files.readString(log);
            assertEquals(0, p.exitValue(), "a clean stop: every answer finished\n" + logged);
            assertTrue(logged.contains("Access keys are on: 2 key(s)"), logged);
            assertTrue(logged.contains("Paracite stopped"), logged);
            assertFalse(logged.contains("Exception") || logged.contains("\tat "), logged);
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * A stop that comes while the embedding model is still loading (here as soon as the jar has logged
     * anything, most of a second before the model is up) used to crash the JVM inside ONNX Runtime
     * (SIGSEGV/SIGBUS, exit 134, an hs_err file in the working folder); and every start used to leave
     * ONNX Runtime's 16 MB copy of its libraries in the temporary folder.
     */
    @Test
    void a_server_stopped_while_it_starts_exits_without_a_crash_and_leaves_no_files_behind() throws Exception {
        Path work = Files.createTempDirectory("paracite-work");
        Path tmp = Files.createTempDirectory("paracite-tmp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = JAR.toAbsolutePath().toString();
        for (int i = 0; i < 3; i++) {
            Path log = work.resolve("serve-" + i + ".log");
            Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-jar", jar, "serve", "--port", "0")
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                for (int wait = 0; wait < 600 && Files.size(log) == 0; wait++) {
                    Thread.sleep(10);
                }
                p.destroy();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not stop within 30 s of SIGTERM");
                String logged = Files.readString(log);
                assertTrue(p.exitValue() == 0 || p.exitValue() == 143, "exit " + p.exitValue() + "\n" + logged);
                assertFalse(logged.contains("A fatal error has been detected"), logged);
            } finally {
                p.destroyForcibly();
            }
        }
        Process ask = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-jar", jar, "ask", "What role should the ruble play?")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("ask.log").toFile()).start();
        assertTrue(ask.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, ask.exitValue(), Files.readString(work.resolve("ask.log")));
        // a stop in the middle of ONNX Runtime's start can leave its folder, empty; never the libraries
        try (var left = Files.walk(tmp); var crashes = Files.list(work)) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).map(tmp::relativize).map(Path::toString).toList(),
                    "ONNX Runtime's copies of its libraries are deleted once loaded");
            assertEquals(List.of(), crashes.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("hs_err")).toList());
        }
    }

    /** The README's launcher: the same answers, with Paracite's classes mapped from the archive the build wrote. */
    @Test
    void the_launcher_answers_with_the_class_data_archive_the_build_wrote() throws Exception {
        Path launcher = JAR.resolveSibling("paracite");
        assertTrue(Files.isExecutable(launcher), "package writes the launcher beside the jar");
        Path out = Files.createTempFile("paracite-launcher", ".txt");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "ask", "What role should the ruble play?")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info");
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String logged = Files.readString(out);
        assertEquals(0, p.exitValue(), logged);
        assertTrue(logged.contains("reserve currency [8]."), logged);
        assertTrue(logged.contains("dev.paracite.Main source: shared objects file"), "Main comes from the archive");
        assertTrue(logged.contains("dev.paracite.grounding.Support source: shared objects file"));
    }

    private static int awaitPort(Path log) throws Exception {
        Pattern address = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
        for (int i = 0; i < 300; i++) {
            Matcher m = address.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not log its address: " + Files.readString(log));
    }

    @Test
    void the_readme_openai_compatible_example_works_against_a_faked_server_and_never_shows_the_key() throws Exception {
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wire.start();
        try {
            wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fakes.openAiReply("The ruble should become a reserve currency [8]."))));
            Map<String, String> env = Map.of("PARACITE_MODEL", "openai", "PARACITE_BASE_URL", wire.baseUrl() + "/v1",
                    "PARACITE_MODEL_NAME", "llama3.1", "PARACITE_API_KEY", "sk-readme-secret");
            Run ok = run(env, "ask", "What role should the ruble play?");
            assertEquals(0, ok.code(), ok.err());
            assertTrue(ok.out().startsWith("The ruble should become a reserve currency [8]."), ok.out());
            wire.resetAll();
            wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\": {\"message\": \"bad key sk-readme-secret\"}}")));
            Run refused = run(env, "ask", "What role should the ruble play?");
            assertEquals(5, refused.code());
            assertTrue(refused.err().endsWith("paracite: The openai model server refused the API key (HTTP 401); "
                    + "check PARACITE_API_KEY.\n"), refused.err());
            assertFalse((refused.out() + refused.err()).contains("sk-readme-secret"));
        } finally {
            wire.stop();
        }
    }

    @Test
    void serve_refuses_to_start_with_an_access_key_list_that_holds_no_key() throws Exception {
        Run r = run(Map.of("PARACITE_ACCESS_KEYS", " , "), "serve", "--port", "0");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("PARACITE_ACCESS_KEYS is set but holds no key"), r.err());
    }

    @Test
    void bad_input_exits_2() throws Exception {
        Run r = run("ask", " ");
        assertEquals(2, r.code());
        assertEquals("paracite: The question is empty.\n", r.err());
    }
}
