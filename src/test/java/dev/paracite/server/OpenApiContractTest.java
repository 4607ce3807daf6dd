package dev.paracite.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paracite.Main;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.ScriptedModel;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.library.Progress;
import dev.paracite.llm.ModelSettings;
import dev.paracite.metrics.PrometheusMetrics;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real responses of every operation, at every status the tests can provoke, checked against the
 * document the server serves at /api/openapi.json; the last test fails when a documented response was
 * never exercised, and the route test when the server has a route the document lacks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractTest {

    private static final String KEY = "k-contract";
    private static final String RUBLE = Http.question("What role should the ruble play?");
    private static final String CHAT = chat("What role should the ruble play?", "");
    private static final String CHAT_STREAMED = chat("What role should the ruble play?", ", \"stream\": true");
    /** Routes outside the API: the browser's icon redirect (the page's files are not routes). */
    private static final Set<String> NOT_API = Set.of("GET /favicon.ico");
    /** Documented but not provoked: the stream fails after it opens with an error event; before, only a bug throws. */
    private static final Set<String> NOT_PROVOKED = Set.of("POST /api/ask/stream 500");

    private static final Operation ASK = new Operation("POST", "/api/ask");
    private static final Operation STREAM = new Operation("POST", "/api/ask/stream");
    private static final Operation COMPLETIONS = new Operation("POST", "/v1/chat/completions");
    private static final Operation METRICS = new Operation("GET", "/metrics");

    private static final Operation UPLOAD = new Operation("POST", "/api/documents");
    /** The library server refuses files over this, so that the 413 costs nothing. */
    private static final long MAX_UPLOAD = 100_000;

    private static Server server;
    /** The same, serving a library of two documents (travel and leave) instead of the built-in document. */
    private static Server libraryServer;
    private static LibraryServer served;
    @TempDir
    static Path dir;
    private static OpenApiContract contract;
    private static String document;
    /** One registry for every server here, so that each serves /metrics as {@code paracite serve} does. */
    private static PrometheusMetrics metrics;

    @BeforeAll
    static void start() {
        metrics = PrometheusMetrics.create();
        server = monitored(Main.assistant(DocumentLoader.builtIn()), new ServerSettings(List.of(KEY), 0, 0, 10, List.of()));
        served = LibraryServer.start(dir.resolve("library"), MAX_UPLOAD, new ServerSettings(List.of(KEY), 0, 0, 10, List.of()),
                new Monitoring(metrics, null), Progress.NONE);
        libraryServer = served.server();
        for (String id : List.of("travel", "leave")) {
            String text = id.equals("travel") ? LibraryServer.TRAVEL : LibraryServer.LEAVE;
            assertEquals(201, new Http(libraryServer.port()).send(LibraryServer.upload(libraryServer.port(), id + ".txt", text, id)
                    .header("Authorization", "Bearer " + KEY)).status());
        }
        document = new Http(server.port()).get(ApiDescription.PATH).body();
        contract = OpenApiContract.of(document);
    }

    @AfterAll
    static void stop() {
        server.close();
        served.close();
        metrics.close();
    }

    /** A server with metrics at /metrics and no access log. */
    private static Server monitored(Assistant assistant, ServerSettings settings) {
        return Server.start(assistant, "127.0.0.1", 0, settings, new Monitoring(metrics, null));
    }

    /** A chat-completions request asking {@code question} after a system message, with {@code more} fields after the messages. */
    private static String chat(String question, String more) {
        return "{\"model\": \"gpt-4o\", \"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, "
                + "{\"role\": \"user\", \"content\": \"" + question + "\"}]" + more + "}";
    }

    /** An operation of the document, as a request that succeeds. */
    private record Operation(String method, String template) {
        static Operation of(String operation) {
            String[] parts = operation.split(" ");
            return new Operation(parts[0], parts[1]);
        }

        /** Behind the guard and the drain: every operation but /metrics. */
        boolean guarded() {
            return template.startsWith("/api/") || template.startsWith("/v1/");
        }

        /** Served from a library: the documents and their versions. */
        boolean library() {
            return template.startsWith("/api/documents");
        }

        /** The status of success: 204 for a removal, 200 for everything else (an upload of unchanged content too). */
        int success() {
            return method.equals("DELETE") ? 204 : 200;
        }

        /** The body that succeeds: a chat on /v1/*, a question elsewhere (GETs send none). */
        String body() {
            return template.startsWith("/v1/") ? CHAT : RUBLE;
        }

        HttpRequest.Builder request(Server server) {
            return request(server, body());
        }

        HttpRequest.Builder request(Server server, String body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + template.replace("{label}", library() ? "1" : "8").replace("{model}", "paracite")
                    .replace("{id}", method.equals("DELETE") ? "scratch" : "travel").replace("{version}", "1")));
            if (this.equals(UPLOAD)) {
                return b.header("Content-Type", "multipart/form-data; boundary=" + LibraryServer.BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(LibraryServer.form("travel.txt",
                                LibraryServer.TRAVEL.getBytes(StandardCharsets.UTF_8), "travel", null)));
            }
            if (template.equals("/api/ask/stream")) {
                b.header("Accept", "text/event-stream");
            }
            return method.equals("POST") ? b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)) : b.method(method, HttpRequest.BodyPublishers.noBody());
        }
    }

    private static List<Operation> operations() {
        return contract.operations().stream().map(Operation::of).toList();
    }

    private static List<Operation> guardedOperations() {
        return operations().stream().filter(Operation::guarded).toList();
    }

    /** Sends {@code request}, checks the reply against the document, and returns it. */
    private static Http.Reply checked(Server to, Operation op, HttpRequest.Builder request) {
        Http.Reply r = new Http(to.port()).send(request);
        contract.check(op.method(), op.template(), r.raw());
        return r;
    }

    private static Http.Reply withKey(Operation op, String body) {
        return checked(server, op, op.request(server, body).header("Authorization", "Bearer " + KEY));
    }

    private static Http.Reply withKey(Server to, Operation op, HttpRequest.Builder request) {
        return checked(to, op, request.header("Authorization", "Bearer " + KEY));
    }

    /** {@code method path} on {@code to} with the key, checked as operation {@code method template}. */
    private static Http.Reply at(Server to, String method, String template, String path) {
        return withKey(to, new Operation(method, template), HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port()
                + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    @Order(2)
    void library_operations_answer_each_documented_status() throws Exception {
        String version = "/api/documents/{id}/versions/{version}/paragraphs";
        Map<String, String> found = Map.of("/api/documents", "/api/documents", "/api/documents/{id}", "/api/documents/leave",
                version, "/api/documents/leave/versions/1/paragraphs?limit=1", version + "/{label}",
                "/api/documents/leave/versions/1/paragraphs/2");
        Map<String, String> missing = Map.of("/api/documents/{id}", "/api/documents/nope",
                version, "/api/documents/leave/versions/7/paragraphs", version + "/{label}",
                "/api/documents/leave/versions/1/paragraphs/77");
        for (String method : List.of("GET", "HEAD")) {
            found.forEach((template, path) -> {
                assertEquals(200, at(libraryServer, method, template, path).status(), path);
                assertEquals(404, at(server, method, template, path).status(), "no library: " + path);
            });
            missing.forEach((template, path) -> assertEquals(404, at(libraryServer, method, template, path).status(), path));
            assertEquals(400, at(libraryServer, method, version, "/api/documents/leave/versions/1/paragraphs?cursor=x").status());
            assertEquals(400, at(server, method, "/api/paragraphs", "/api/paragraphs?limit=0").status());
            assertEquals(200, at(libraryServer, method, "/api/paragraphs", "/api/paragraphs?limit=2").status());
        }
        assertEquals(2, at(libraryServer, "GET", "/api/health", "/api/health").json().get("documents").asInt());
        assertEquals(2, at(libraryServer, "GET", "/api/documents", "/api/documents").json().get("documents").size());

        assertEquals(201, withKey(libraryServer, UPLOAD, LibraryServer.upload(libraryServer.port(), "new.txt", LibraryServer.LEAVE,
                "new")).status());
        assertEquals(204, at(libraryServer, "DELETE", "/api/documents/{id}", "/api/documents/new").status());
        assertEquals(404, at(libraryServer, "DELETE", "/api/documents/{id}", "/api/documents/new").status());
        assertEquals(404, at(server, "DELETE", "/api/documents/{id}", "/api/documents/travel").status());
        assertEquals("no_library", withKey(server, UPLOAD, UPLOAD.request(server)).json().get("error").asText());
        assertEquals("invalid_upload", withKey(libraryServer, UPLOAD, UPLOAD.request(libraryServer)
                .setHeader("Content-Type", "text/plain")).json().get("error").asText());
        assertEquals("payload_too_large", withKey(libraryServer, UPLOAD, LibraryServer.upload(libraryServer.port(),
                LibraryServer.form("big.txt", new byte[(int) MAX_UPLOAD + 1], "big", null)).expectContinue(true))
                .json().get("error").asText());
        assertEquals("unreadable_document", withKey(libraryServer, UPLOAD, LibraryServer.upload(libraryServer.port(),
                LibraryServer.form("tool.bin", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1}, "tool", null))).json().get("error").asText());

        String scoped = "{\"question\": \"How many days of paid annual leave?\", \"documents\": [\"leave\"]}";
        assertEquals(List.of(), contract.schemaViolations("/components/schemas/AskRequest", scoped));
        assertEquals(200, withKey(libraryServer, ASK, ASK.request(libraryServer, scoped)).status());
        assertEquals("done", last(Http.events(withKey(libraryServer, STREAM, STREAM.request(libraryServer, scoped)).body())).name());
        String unknown = "{\"question\": \"How many days?\", \"documents\": [\"nope\"]}";
        for (Operation op : List.of(ASK, STREAM)) {
            assertEquals("unknown_document", withKey(libraryServer, op, op.request(libraryServer, unknown)).json()
                    .get("error").asText());
            assertEquals("unknown_document", withKey(op, unknown).json().get("error").asText(), "no library");
        }
    }

    @Test
    @Order(1)
    void the_served_document_is_valid_openapi_3_1() {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages());
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertTrue(parsed.isOpenapi31());
    }

    @Test
    @Order(1)
    void every_route_of_the_server_is_an_operation_of_the_document_and_back() {
        Set<String> routes = new HashSet<>(server.routes());
        routes.removeAll(NOT_API);
        assertEquals(new TreeSet<>(routes), contract.operations());
    }

    @Test
    @Order(2)
    void every_operation_answers_as_documented() {
        for (Operation op : operations()) {
            Server to = op.library() ? libraryServer : server;
            if (op.method().equals("DELETE")) {
                assertEquals(201, withKey(libraryServer, UPLOAD, LibraryServer.upload(libraryServer.port(), "scratch.txt",
                        LibraryServer.LEAVE, "scratch")).status());
            }
            assertEquals(op.success(), checked(to, op, op.request(to).header("Authorization", "Bearer " + KEY)).status(),
                    op.toString());
        }
        assertEquals("3.1.0", new Http(server.port()).get(ApiDescription.PATH).json().get("openapi").asText());
    }

    @Test
    @Order(2)
    void every_shape_of_answer_and_stream_matches_its_schema() throws Exception {
        List<String> asks = List.of(RUBLE,
                "{\"question\": \"What role should the ruble play?\", \"include\": []}",
                "{\"question\": \"What role should the ruble play?\", \"include\": [\"retrieved\"]}",
                "{\"question\": \"What role should the ruble play?\", \"include\": [\"dropped\"], \"topK\": 3}",
                "{\"question\": \"When was it signed?\", \"history\": [{\"role\": \"user\", \"content\": "
                        + "\"What is the Collective Security Treaty?\"}, {\"role\": \"assistant\", \"content\": \"It is [3].\"}]}",
                Http.question("What is the recipe for apple pie?"));
        Set<String> outcomes = new HashSet<>();
        for (String body : asks) {
            assertEquals(List.of(), contract.schemaViolations("/components/schemas/AskRequest", body), body);
            outcomes.add(withKey(ASK, body).json().get("outcome").asText());
            assertEquals("done", last(Http.events(withKey(STREAM, body).body())).name(), body);
        }
        assertEquals(Set.of("answered", "not_in_document"), outcomes);
        List<Http.Event> events = Http.events(withKey(STREAM, RUBLE).body());
        assertEquals(Set.of("retrieved", "delta", "done"), Set.copyOf(events.stream().map(Http.Event::name).toList()));
    }

    @Test
    @Order(2)
    void every_shape_of_completion_and_chunk_stream_matches_its_schema() throws Exception {
        List<String> chats = List.of(CHAT, chat("What is the recipe for apple pie?", ""),
                "{\"messages\": [{\"role\": \"user\", \"content\": \"What is the Collective Security Treaty?\"}, "
                        + "{\"role\": \"assistant\", \"content\": [{\"type\": \"text\", \"text\": \"It is [3].\"}]}, "
                        + "{\"role\": \"user\", \"content\": \"When was it signed?\"}]}",
                chat("What role should the ruble play?", ", \"temperature\": 0.2, \"n\": 1, \"user\": \"u-1\", "
                        + "\"stream_options\": {\"include_usage\": true}"));
        Set<Integer> citationCounts = new HashSet<>();
        for (String body : chats) {
            assertEquals(List.of(), contract.schemaViolations("/components/schemas/ChatRequest", body), body);
            citationCounts.add(withKey(COMPLETIONS, body).json().get("citations").size());
            String streamed = body.substring(0, body.length() - 1) + ", \"stream\": true}";
            Http.Reply r = withKey(COMPLETIONS, streamed);
            assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), streamed);
            assertTrue(r.body().endsWith("data: [DONE]\n\n"), r.body());
        }
        assertTrue(citationCounts.contains(0) && citationCounts.size() > 1, "cited and uncited answers: " + citationCounts);
    }

    @Test
    @Order(2)
    void bad_chat_requests_get_the_documented_openai_errors() {
        String ruble = "{\"role\": \"user\", \"content\": \"What role should the ruble play?\"}";
        // a bad body, its code, and whether ChatRequest's schema refuses it too (the rest break limits on content or order)
        record Bad(String body, String code, boolean schemaRefuses) {}
        String long10001 = "{\"role\": \"user\", \"content\": \"" + "u".repeat(10_001) + "\"}";
        List<Bad> bad = List.of(
                new Bad("{\"messages\": [", "invalid_json", true),
                new Bad("[1]", "invalid_request", true),
                new Bad("{\"messages\": [" + ruble + "], \"n\": 2}", "invalid_request", true),
                new Bad("{\"messages\": [" + ruble + "], \"stream\": \"yes\"}", "invalid_request", true),
                new Bad("{}", "invalid_messages", true),
                new Bad("{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}, " + ruble + "]}", "invalid_messages", true),
                new Bad("{\"messages\": [" + ruble + ", {\"role\": \"assistant\", \"content\": \"a\"}]}", "invalid_messages", false),
                new Bad("{\"messages\": [{\"role\": \"user\", \"content\": \"\"}]}", "invalid_question", false),
                new Bad("{\"messages\": [" + long10001 + ", {\"role\": \"assistant\", \"content\": \"a\"}, " + ruble + "]}",
                        "invalid_history", false));
        for (Bad b : bad) {
            assertEquals(b.code(), openAiCode(withKey(COMPLETIONS, b.body()).json()), b.body());
            assertEquals(b.schemaRefuses(), !contract.schemaViolations("/components/schemas/ChatRequest", b.body()).isEmpty(),
                    b.body());
        }
        assertEquals("payload_too_large", openAiCode(withKey(COMPLETIONS, chat("a".repeat(70_000), "")).json()));
        assertEquals("unsupported_media_type", openAiCode(checked(server, COMPLETIONS, COMPLETIONS.request(server)
                .header("Authorization", "Bearer " + KEY).setHeader("Content-Type", "text/plain")).json()));
        Operation model = new Operation("GET", "/v1/models/{model}");
        assertEquals("model_not_found", openAiCode(checked(server, model, HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.port() + "/v1/models/gpt-4o")).header("Authorization", "Bearer " + KEY)).json()));
    }

    @Test
    @Order(2)
    void bad_requests_get_the_documented_errors() {
        String big = "{\"question\": \"" + "a".repeat(70_000) + "\"}";
        List<String> bad = List.of("{\"question\": ", "[1]", "{\"question\": \"\"}",
                "{\"question\": \"x\", \"history\": 3}", "{\"question\": \"x\", \"topK\": \"three\"}",
                "{\"question\": \"x\", \"include\": [\"all\"]}");
        List<String> codes = List.of("invalid_json", "invalid_request", "invalid_question", "invalid_history",
                "invalid_top_k", "invalid_include");
        for (Operation op : List.of(ASK, STREAM)) {
            for (int i = 0; i < bad.size(); i++) {
                Http.Reply r = withKey(op, bad.get(i));
                assertEquals(codes.get(i), r.json().get("error").asText(), bad.get(i));
                assertFalse(contract.schemaViolations("/components/schemas/AskRequest", bad.get(i)).isEmpty(), bad.get(i));
            }
            assertEquals(413, withKey(op, big).status());
            assertEquals(415, checked(server, op, op.request(server, RUBLE).header("Authorization", "Bearer " + KEY)
                    .setHeader("Content-Type", "text/plain")).status());
        }
        assertEquals(406, checked(server, STREAM, ASK.request(server, RUBLE).uri(URI.create("http://127.0.0.1:"
                + server.port() + "/api/ask/stream")).header("Authorization", "Bearer " + KEY)).status());
        for (String method : List.of("GET", "HEAD")) {
            Operation paragraph = new Operation(method, "/api/paragraphs/{label}");
            assertEquals(404, checked(server, paragraph, HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/api/paragraphs/999")).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + KEY)).status());
            Operation model = new Operation(method, "/v1/models/{model}");
            assertEquals(404, checked(server, model, HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.port() + "/v1/models/gpt-4o")).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + KEY)).status());
        }
    }

    @Test
    @Order(2)
    void without_a_key_only_health_and_the_document_answer() {
        Set<String> open = new HashSet<>();
        for (Operation op : operations()) {
            Http.Reply r = checked(server, op, op.request(server));
            if (r.status() == 200) {
                open.add(op.template());
            } else {
                assertEquals(401, r.status(), op.toString());
            }
        }
        assertEquals(Set.copyOf(Guard.OPEN), open);
    }

    @Test
    @Order(2)
    void unknown_paths_and_methods_get_the_documented_error_shape() {
        Http http = new Http(server.port());
        String base = "http://127.0.0.1:" + server.port();
        for (Http.Reply r : List.of(http.send(HttpRequest.newBuilder(URI.create(base + "/api/nothing"))
                .header("Authorization", "Bearer " + KEY)), http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .header("Authorization", "Bearer " + KEY).DELETE()))) {
            assertTrue(r.status() == 404 || r.status() == 405, r.body());
            assertEquals(List.of(), contract.schemaViolations("/components/schemas/Error", r.body()));
        }
        for (Http.Reply r : List.of(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/embeddings"))
                .header("Authorization", "Bearer " + KEY)), http.send(HttpRequest.newBuilder(URI.create(base + "/v1/models"))
                .header("Authorization", "Bearer " + KEY).DELETE()))) {
            assertTrue(r.status() == 404 || r.status() == 405, r.body());
            assertEquals(List.of(), contract.schemaViolations("/components/schemas/OpenAiError", r.body()), "/v1 keeps OpenAI's shape");
        }
    }

    @Test
    @Order(2)
    void over_the_rate_limit_every_operation_gets_429() {
        try (Server limited = monitored(Main.assistant(DocumentLoader.builtIn()),
                new ServerSettings(List.of(), 1, 1, 10, List.of()))) {
            assertEquals(200, new Http(limited.port()).get("/api/health").status(), "the one request of the burst");
            for (Operation op : guardedOperations()) {
                assertEquals(429, checked(limited, op, op.request(limited)).status(), op.toString());
            }
            assertEquals(200, checked(limited, METRICS, METRICS.request(limited)).status(),
                    "/metrics is not rate-limited, so the document gives it no 429");
        }
    }

    @Test
    @Order(2)
    void model_failures_get_502_and_503_and_end_streams_with_error_events() throws Exception {
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wire.start();
        ModelSettings model = new ModelSettings("openai", wire.baseUrl() + "/v1", "sk-test", "local-llama", 0.0, 300,
                Duration.ofSeconds(30), 0, false, null);
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (Server failing = Server.start(Main.assistant(DocumentLoader.builtIn(), model), "127.0.0.1", 0)) {
            wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500).withBody("{}")));
            assertEquals("model_error", checked(failing, ASK, ASK.request(failing, RUBLE)).json().get("error").asText());
            assertEquals("model_error", Http.events(checked(failing, STREAM, STREAM.request(failing, RUBLE)).body())
                    .get(1).data().get("error").asText());
            assertEquals("model_error", openAiCode(checked(failing, COMPLETIONS, COMPLETIONS.request(failing)).json()));
            assertEquals("model_error", streamErrorCode(checked(failing, COMPLETIONS, COMPLETIONS.request(failing, CHAT_STREAMED))));
            wire.resetAll();
            wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                    .withHeader("Retry-After", "7").withBody("{}")));
            Http.Reply busy = checked(failing, ASK, ASK.request(failing, RUBLE));
            assertEquals("model_unavailable", busy.json().get("error").asText());
            assertEquals("7", busy.raw().headers().firstValue("Retry-After").orElseThrow());
            assertEquals("model_unavailable", Http.events(checked(failing, STREAM, STREAM.request(failing, RUBLE)).body())
                    .get(1).data().get("error").asText());
            Http.Reply chatBusy = checked(failing, COMPLETIONS, COMPLETIONS.request(failing));
            assertEquals("model_unavailable", openAiCode(chatBusy.json()));
            assertEquals("7", chatBusy.raw().headers().firstValue("Retry-After").orElseThrow());
            assertEquals("model_unavailable", streamErrorCode(checked(failing, COMPLETIONS,
                    COMPLETIONS.request(failing, CHAT_STREAMED))));
        } finally {
            System.setErr(original);
            wire.stop();
        }
    }

    @Test
    @Order(2)
    void a_broken_model_gets_500_a_full_server_503_and_a_greedy_client_429() throws Exception {
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AnswerModel model = ScriptedModel.answering(request -> {
            if (request.question().contains("boom")) {
                throw new IllegalStateException("boom");
            }
            inside.countDown();
            await(release);
            return Draft.answer("The ruble should be a reserve currency [8].");
        });
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // one place, two per client: the second answer finds the server full (503 busy)
        Server full = monitored(ServerFailureTest.assistant(model),
                new ServerSettings(List.of(), 0, 0, 1, List.of(), 2, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        // two places, one per client: the second answer finds this client's share taken (429 too_many_answers)
        Server shared = Server.start(ServerFailureTest.assistant(model), "127.0.0.1", 0,
                new ServerSettings(List.of(), 0, 0, 2, List.of(), 1, Duration.ofSeconds(30), Duration.ofSeconds(10)));
        CompletableFuture<Void> closing = null;
        try {
            String boom = Http.question("ruble boom?");
            assertEquals("internal_error", checked(full, ASK, ASK.request(full, boom)).json().get("error").asText());
            assertEquals("internal_error", Http.events(checked(full, STREAM, STREAM.request(full, boom)).body())
                    .get(1).data().get("error").asText());
            assertEquals("internal_error", openAiCode(checked(full, COMPLETIONS,
                    COMPLETIONS.request(full, chat("ruble boom?", ""))).json()));
            assertEquals("internal_error", streamErrorCode(checked(full, COMPLETIONS,
                    COMPLETIONS.request(full, chat("ruble boom?", ", \"stream\": true")))));
            CompletableFuture<Http.Reply> heldFull = CompletableFuture.supplyAsync(() -> new Http(full.port()).postJson("/api/ask", RUBLE));
            CompletableFuture<Http.Reply> heldShared = CompletableFuture.supplyAsync(() -> new Http(shared.port()).postJson("/api/ask", RUBLE));
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            for (Operation op : List.of(ASK, STREAM)) {
                assertEquals("busy", checked(full, op, op.request(full, RUBLE)).json().get("error").asText());
                assertEquals("too_many_answers", checked(shared, op, op.request(shared, RUBLE)).json().get("error").asText());
            }
            for (String body : List.of(CHAT, CHAT_STREAMED)) {
                assertEquals("busy", openAiCode(checked(full, COMPLETIONS, COMPLETIONS.request(full, body)).json()));
                assertEquals("too_many_answers", openAiCode(checked(shared, COMPLETIONS,
                        COMPLETIONS.request(shared, body)).json()));
            }
            closing = CompletableFuture.runAsync(full::close);
            Http http = new Http(full.port());
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                 http.get("/api/health").status() != 503 && System.nanoTime() < deadline; ) {
                Thread.sleep(20);
            }
            for (Operation op : guardedOperations()) {
                assertEquals(503, checked(full, op, op.request(full)).status(), op.toString());
            }
            assertEquals(200, checked(full, METRICS, METRICS.request(full)).status(),
                    "/metrics is outside the drain, so the document gives it no 503");
            release.countDown();
            assertEquals(200, heldFull.get(30, TimeUnit.SECONDS).status());
            assertEquals(200, heldShared.get(30, TimeUnit.SECONDS).status());
            closing.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            if (closing == null) {
                full.close();
            }
            shared.close();
            System.setErr(original);
        }
    }

    @Test
    @Order(2)
    void a_response_that_drifts_from_the_document_is_caught() throws Exception {
        OpenApiContract fresh = OpenApiContract.of(document);
        Http.Reply real = new Http(server.port()).send(ASK.request(server, RUBLE).header("Authorization", "Bearer " + KEY));
        assertEquals(List.of(), fresh.violations("POST", "/api/ask", 200, "application/json", real.body()));
        ObjectNode renamed = (ObjectNode) real.json().deepCopy();
        renamed.set("answerText", renamed.remove("answer"));
        ObjectNode added = (ObjectNode) real.json().deepCopy();
        added.put("confidence", 0.9);
        ObjectNode outcome = (ObjectNode) real.json().deepCopy();
        outcome.put("outcome", "maybe");
        ObjectNode statement = (ObjectNode) real.json().deepCopy();
        ((ObjectNode) statement.get("statements").get(0)).remove("end");
        for (ObjectNode drifted : List.of(renamed, added, outcome, statement)) {
            assertFalse(fresh.violations("POST", "/api/ask", 200, "application/json", drifted.toString()).isEmpty(),
                    drifted.toString());
        }
        assertFalse(fresh.violations("POST", "/api/ask", 418, "application/json", real.body()).isEmpty());
        assertFalse(fresh.violations("POST", "/api/ask", 200, "text/html", real.body()).isEmpty());
        assertFalse(fresh.violations("POST", "/api/ask", 400, "application/json",
                "{\"error\": \"no_such_code\", \"message\": \"x\"}").isEmpty(), "codes are enumerated per status");
        assertFalse(fresh.violations("POST", "/api/ask/stream", 200, "text/event-stream",
                "event:delta\ndata:{\"text\": \"x\"}\n\n").isEmpty(), "a delta without its statement");
        assertFalse(fresh.violations("POST", "/api/ask/stream", 200, "text/event-stream",
                "event:progress\ndata:{}\n\n").isEmpty(), "an undocumented event");
        assertThrows(AssertionError.class, () -> fresh.check("POST", "/api/ask", 200, "application/json", renamed.toString()));
        assertEquals(Set.of(), fresh.exercised(), "a failed check exercises nothing");
    }

    @Test
    @Order(2)
    void a_v1_or_metrics_response_that_drifts_from_the_document_is_caught() throws Exception {
        OpenApiContract fresh = OpenApiContract.of(document);
        String path = "/v1/chat/completions";
        Http http = new Http(server.port());
        JsonNode real = http.send(COMPLETIONS.request(server).header("Authorization", "Bearer " + KEY)).json();
        assertEquals(List.of(), fresh.violations("POST", path, 200, "application/json", real.toString()));
        ObjectNode uncited = real.deepCopy();
        ((ObjectNode) uncited.get("choices").get(0).get("message")).remove("citations");
        ObjectNode usage = real.deepCopy();
        usage.putObject("usage").put("total_tokens", 0);
        ObjectNode spanless = real.deepCopy();
        ((ObjectNode) spanless.get("citations").get(0)).remove("span");
        for (ObjectNode drifted : List.of(uncited, usage, spanless)) {
            assertFalse(fresh.violations("POST", path, 200, "application/json", drifted.toString()).isEmpty(), drifted.toString());
        }

        String stream = http.send(COMPLETIONS.request(server, CHAT_STREAMED).header("Authorization", "Bearer " + KEY)).body();
        assertEquals(List.of(), fresh.violations("POST", path, 200, "text/event-stream", stream));
        String first = stream.lines().filter(line -> line.startsWith("data: {")).findFirst().orElseThrow();
        ObjectNode role = (ObjectNode) Http.json(first.substring("data: ".length()));
        assertEquals("assistant", role.get("choices").get(0).get("delta").get("role").asText(), stream);
        String extra = "data: " + role.deepCopy().put("system_fingerprint", "x") + "\n\n";
        String named = "event: chunk\n" + first + "\n\n";
        String doneFirst = "data: [DONE]\n\n" + stream;
        String apiError = "data: {\"error\": \"model_error\", \"message\": \"x\"}\n\n";
        for (String drifted : List.of(extra, named, doneFirst, apiError, "data: [NOT DONE]\n\n", "")) {
            assertFalse(fresh.violations("POST", path, 200, "text/event-stream", drifted).isEmpty(), drifted);
        }

        assertFalse(fresh.violations("POST", path, 400, "application/json",
                "{\"error\": \"invalid_messages\", \"message\": \"x\"}").isEmpty(), "the /api shape on /v1");
        assertFalse(fresh.violations("POST", path, 401, "application/json", "{\"error\": {\"message\": \"x\", "
                + "\"type\": \"invalid_request_error\", \"param\": null, \"code\": \"unauthorized\"}}").isEmpty(), "types per status");
        assertFalse(fresh.violations("POST", path, 400, "application/json", "{\"error\": {\"message\": \"x\", "
                + "\"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_top_k\"}}").isEmpty(), "codes per status");
        assertFalse(fresh.violations("GET", "/v1/models/{model}", 200, "application/json",
                "{\"id\": \"paracite\", \"object\": \"model\", \"created\": 1}").isEmpty(), "a model without owned_by");
        assertFalse(fresh.violations("GET", "/metrics", 200, "application/json", "{}").isEmpty(), "metrics are text");
        assertFalse(fresh.violations("GET", "/metrics", 429, "application/json",
                "{\"error\": \"rate_limited\", \"message\": \"x\"}").isEmpty(), "/metrics is never rate-limited");
        assertEquals(Set.of(), fresh.exercised(), "violations() records nothing");
    }

    @Test
    @Order(3)
    void every_documented_response_was_exercised() {
        Set<String> expected = new TreeSet<>(contract.responses());
        expected.removeAll(NOT_PROVOKED);
        assertEquals(expected, contract.exercised());
    }

    /** The code of an OpenAI error body. */
    private static String openAiCode(JsonNode error) {
        return error.get("error").get("code").asText();
    }

    /** The code of the error chunk that ends a failed chat stream, which has no [DONE]. */
    private static String streamErrorCode(Http.Reply r) throws Exception {
        assertEquals(200, r.status(), r.body());
        assertFalse(r.body().contains("[DONE]"), r.body());
        return openAiCode(last(Http.events(r.body())).data());
    }

    private static Http.Event last(List<Http.Event> events) {
        return events.get(events.size() - 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
