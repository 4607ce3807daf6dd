package dev.paracite.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.paracite.Main;
import dev.paracite.assistant.Assistant;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import dev.paracite.metrics.PrometheusMetrics;
import dev.paracite.provider.Fakes;
import dev.paracite.retrieval.RetrievalSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /metrics} scraped over HTTP after a mixed workload: every counter moves by exactly the requests
 * that should move it; and who may read the metrics.
 */
class MetricsTest {

    private static final String RUBLE = "What role should the ruble play?";
    private static final String KAZAKHSTAN = "What is the population of Kazakhstan?";
    private static final String REQUESTS = "http_server_requests_seconds_count";
    private static final String ANSWERS = "paracite_answers_total";
    private static final String CALLS = "paracite_model_calls_seconds_count";

    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A running server with its own metrics, and the access-log lines it has written. */
    private record Served(Server server, Http http, PrometheusMetrics metrics, BlockingQueue<String> log) {

        /** The metrics once the access log holds {@code lines} lines, every request before the scrape counted. */
        Scrape scrapeAfter(int lines, String key) throws InterruptedException {
            awaitLines(log, lines);
            Http.Reply r = get(http, server.port(), "/metrics", key);
            assertEquals(200, r.status(), r.body());
            return Scrape.parse(r.body());
        }
    }

    private Served serve(ModelSettings model, ServerSettings settings) {
        PrometheusMetrics metrics = PrometheusMetrics.create();
        Assistant assistant = Main.assistant(DocumentLoader.builtIn(), model, RetrievalSettings.DEFAULT, metrics.answers());
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        Server server = Server.start(assistant, "127.0.0.1", 0, settings, new Monitoring(metrics, log::add));
        opened.add(metrics);
        opened.add(server);
        return new Served(server, new Http(server.port()), metrics, log);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void a_mixed_extractive_workload_moves_each_counter_by_exactly_its_requests() throws Exception {
        Served s = serve(ModelSettings.extractive(), new ServerSettings(List.of("k1"), 0, 0, 10, List.of()));
        Scrape before = s.scrapeAfter(0, "k1");
        int dropped = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode r = ask(s, "/api/ask", Http.question(RUBLE), "k1").json();
            assertEquals("answered", r.get("outcome").asText());
            dropped += r.get("droppedCitations").size();
        }
        assertEquals("not_in_document", ask(s, "/api/ask", Http.question(KAZAKHSTAN), "k1").json().get("outcome").asText());
        assertEquals(400, ask(s, "/api/ask", "{}", "k1").status());
        assertEquals(400, ask(s, "/api/ask", "{\"question\": 7}", "k1").status());
        assertEquals(401, ask(s, "/api/ask", Http.question(RUBLE), null).status());
        assertEquals(200, get(s.http(), s.server().port(), "/api/paragraphs/8", "k1").status());
        assertEquals(404, get(s.http(), s.server().port(), "/api/paragraphs/99999", "k1").status());
        assertEquals(404, get(s.http(), s.server().port(), "/nothing/here", null).status());
        assertEquals(200, get(s.http(), s.server().port(), "/", null).status());
        Http.Reply stream = s.http().send(authorized(s, "/api/ask/stream", "k1").header("Accept", "text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Http.question(RUBLE))));
        List<Http.Event> events = Http.events(stream.body());
        JsonNode done = events.get(events.size() - 1).data();
        assertEquals("answered", done.get("outcome").asText(), stream.body());
        dropped += done.get("droppedCitations").size();
        String chat = "{\"messages\": [{\"role\": \"user\", \"content\": \"" + RUBLE + "\"}]%s}";
        assertEquals(200, ask(s, "/v1/chat/completions", chat.formatted(""), "k1").status());
        Http.Reply chunks = ask(s, "/v1/chat/completions", chat.formatted(", \"stream\": true"), "k1");
        assertTrue(chunks.body().endsWith("data: [DONE]\n\n"), chunks.body());
        assertEquals(401, get(s.http(), s.server().port(), "/v1/models", null).status());
        for (String invented : List.of("FROB", "X1Y", "X2Y")) {
            assertEquals(401, s.http().send(authorized(s, "/v1/models", null).method(invented,
                    HttpRequest.BodyPublishers.noBody())).status());
        }

        // 18 requests, and the scrape before them
        Scrape after = s.scrapeAfter(19, "k1");
        assertEquals(4, after.moved(before, REQUESTS, "method", "POST", "route", "/api/ask", "status", "200"));
        assertEquals(2, after.moved(before, REQUESTS, "method", "POST", "route", "/api/ask", "status", "400"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "POST", "route", "/api/ask", "status", "401"),
                "a request the guard refuses counts under the route it asked for");
        assertEquals(1, after.moved(before, REQUESTS, "method", "POST", "route", "/api/ask/stream", "status", "200"));
        assertEquals(2, after.moved(before, REQUESTS, "method", "POST", "route", "/v1/chat/completions", "status", "200"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "/v1/models", "status", "401"));
        assertEquals(3, after.moved(before, REQUESTS, "method", "OTHER", "route", "unmatched", "status", "401"),
                "a method a client invents is one series, not one each");
        assertTrue(after.samples().keySet().stream().noneMatch(k -> k.contains("FROB") || k.contains("X1Y")));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "/api/paragraphs/{label}", "status", "200"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "/api/paragraphs/{label}", "status", "404"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "unmatched", "status", "404"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "static", "status", "200"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "GET", "route", "/metrics", "status", "200"));
        assertEquals(4, after.moved(before, "http_server_requests_seconds_bucket", "method", "POST", "route", "/api/ask",
                "status", "200", "le", "+Inf"));
        assertEquals(6, after.moved(before, ANSWERS, "outcome", "answered"));
        assertEquals(1, after.moved(before, ANSWERS, "outcome", "not_in_document"));
        assertEquals(0, after.moved(before, ANSWERS, "outcome", "model_unavailable"));
        assertEquals(0, after.get("paracite_answers_in_flight"));
        assertEquals(7, after.moved(before, "paracite_retrieval_seconds_count"));
        assertEquals(dropped, after.total("paracite_citations_dropped_total") - before.total("paracite_citations_dropped_total"));
        assertTrue(after.samples().keySet().stream().noneMatch(k -> k.startsWith(CALLS)), "no model was called");
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_gc_memory_allocated_bytes_total", "jvm_threads_live_threads",
                "system_cpu_count", "process_uptime_seconds")) {
            assertTrue(after.has(jvm), jvm);
        }
    }

    @Test
    void model_calls_retries_tokens_and_dropped_parts_are_counted_as_the_provider_answered() throws Exception {
        String reply = Fakes.openAiReply("The ruble should be a reserve currency [8]. Also [42].");
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).inScenario("provider")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withBody("{}")));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).inScenario("provider")
                .whenScenarioStateIs("recovered").willSetStateTo("refusing")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(reply)));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).inScenario("provider")
                .whenScenarioStateIs("refusing").willReturn(aResponse().withStatus(401).withBody("{}")));
        // streamed replies carry no usage: their tokens are not counted
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching("(?s).*\"stream\"\\s*:\\s*true.*"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(Fakes.openAiStream("The ruble ", "should be a reserve currency [", "8].", " Also [42]."))));
        Served s = serve(new ModelSettings("openai", wire.baseUrl() + "/v1", "sk-test", "local-llama", 0.0, 300,
                Duration.ofSeconds(30), 2, false, null), ServerSettings.open());
        Scrape before = s.scrapeAfter(0, null);

        JsonNode asked = s.http().postJson("/api/ask", Http.question(RUBLE)).json();
        assertEquals("answered", asked.get("outcome").asText(), asked.toString());
        String reason = asked.get("droppedCitations").get(0).get("reason").asText();
        assertEquals("42", asked.get("droppedCitations").get(0).get("paragraph").asText());
        assertTrue(s.http().stream(Http.question(RUBLE)).body().contains("event: done"));
        assertEquals(502, s.http().postJson("/api/ask", Http.question(RUBLE)).status());

        Scrape after = s.scrapeAfter(4, null);
        assertEquals(1, after.moved(before, CALLS, "provider", "openai", "result", "server_error"));
        assertEquals(2, after.moved(before, CALLS, "provider", "openai", "result", "ok"));
        assertEquals(1, after.moved(before, CALLS, "provider", "openai", "result", "auth"));
        assertEquals(1, after.moved(before, "paracite_model_retries_total", "provider", "openai"),
                "the 503 was tried again; the 401 was not");
        assertEquals(10, after.moved(before, "paracite_model_tokens_total", "provider", "openai", "type", "input"));
        assertEquals(5, after.moved(before, "paracite_model_tokens_total", "provider", "openai", "type", "output"));
        assertEquals(2, after.moved(before, ANSWERS, "outcome", "answered"));
        assertEquals(1, after.moved(before, ANSWERS, "outcome", "model_unavailable"));
        assertEquals(2, after.moved(before, "paracite_citations_dropped_total", "reason", reason));
        assertEquals(2, after.moved(before, "paracite_statements_dropped_total", "reason", "cites_unprovided"));
        assertEquals(1, after.moved(before, REQUESTS, "method", "POST", "route", "/api/ask", "status", "502"));
        assertEquals(0, after.get("paracite_answers_in_flight"));
    }

    @Test
    void with_access_keys_on_the_metrics_need_one() throws Exception {
        Served s = serve(ModelSettings.extractive(), new ServerSettings(List.of("k1"), 0, 0, 10, List.of()));
        Http.Reply refused = get(s.http(), s.server().port(), "/metrics", null);
        ServerErrorsTest.assertError(refused, 401, "unauthorized");
        assertEquals(401, s.http().send(authorized(s, "/metrics", null).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .status(), "HEAD checks the key as GET does");
        assertEquals(401, get(s.http(), s.server().port(), "/metrics", "wrong").status());
        Http.Reply scraped = get(s.http(), s.server().port(), "/metrics", "k1");
        assertEquals(200, scraped.status());
        assertTrue(scraped.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    }

    @Test
    void a_metrics_key_opens_the_metrics_alone_and_only_it_does() throws Exception {
        Served s = serve(ModelSettings.extractive(),
                new ServerSettings(List.of("k1"), 0, 0, 10, List.of()).withMonitoring("scraper-key", false));
        assertEquals(200, get(s.http(), s.server().port(), "/metrics", "scraper-key").status());
        assertEquals(401, get(s.http(), s.server().port(), "/metrics", "k1").status(), "access keys do not read the metrics");
        assertEquals(401, get(s.http(), s.server().port(), "/metrics", null).status());
        assertEquals(401, ask(s, "/api/ask", Http.question(RUBLE), "scraper-key").status(), "the metrics key asks nothing");
        assertEquals(200, ask(s, "/api/ask", Http.question(RUBLE), "k1").status());
    }

    @Test
    void without_keys_the_metrics_are_open_and_a_server_without_metrics_has_none() throws Exception {
        Served s = serve(ModelSettings.extractive(), ServerSettings.open());
        assertEquals(200, get(s.http(), s.server().port(), "/metrics", null).status());
        try (Server plain = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, ServerSettings.open())) {
            assertEquals(404, new Http(plain.port()).get("/metrics").status());
        }
    }

    private static Http.Reply ask(Served s, String path, String body, String key) {
        return s.http().send(authorized(s, path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder authorized(Served s, String path, String key) {
        return authorized(s.server().port(), path, key);
    }

    private static HttpRequest.Builder authorized(int port, String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return key == null ? request : request.header("Authorization", "Bearer " + key);
    }

    static Http.Reply get(Http http, int port, String path, String key) {
        return http.send(authorized(port, path, key).GET());
    }

    /** Javalin logs a request just after writing its response, so a client may read the response first. */
    static void awaitLines(BlockingQueue<String> log, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.size() < lines && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(lines, log.size(), String.join("\n", log));
    }
}
