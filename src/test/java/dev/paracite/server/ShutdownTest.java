package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.Shared;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.ScriptedModel;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown: every way a request can end leaves nothing counted, and streams still open end with an event. */
class ShutdownTest {

    private static final Document DOCUMENT = DocumentLoader.builtIn();
    private static final String RUBLE = Http.question("What role should the ruble play?");

    private static Assistant assistant(AnswerModel model) {
        return new Assistant(new Retriever(DOCUMENT, LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.DEFAULT,
                Shared.embedder())), model, Shared.support());
    }

    private static HttpRequest.Builder request(Server server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    /** One request of each kind that ends before or outside an answer; then shutdown must find nothing in flight. */
    @Test
    void requests_refused_or_answered_early_leave_the_drain_balanced() {
        ServerSettings settings = new ServerSettings(List.of("k1"), 600, 40, 4, List.of("https://intranet.example"), 2,
                Duration.ofSeconds(30), ServerSettings.DEFAULT_REQUEST_READ);
        Server server = Server.start(Main.assistant(DOCUMENT), "127.0.0.1", 0, settings);
        Http http = new Http(server.port());
        List<Integer> statuses = new ArrayList<>();
        statuses.add(http.send(request(server, "/api/ask").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://intranet.example").header("Access-Control-Request-Method", "POST")).status());
        statuses.add(http.postJson("/api/ask", RUBLE).status());
        HttpRequest.Builder keyed = request(server, "/api/ask").header("Authorization", "Bearer k1")
                .header("Content-Type", "application/json");
        statuses.add(http.send(keyed.copy().POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000)))).status());
        statuses.add(http.send(keyed.copy().POST(HttpRequest.BodyPublishers.ofString("{"))).status());
        statuses.add(http.send(request(server, "/api/ask").header("Authorization", "Bearer k1")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("ruble?"))).status());
        statuses.add(http.send(request(server, "/api/nope").header("Authorization", "Bearer k1")).status());
        statuses.add(http.send(request(server, "/api/ask").header("Authorization", "Bearer k1").GET()).status());
        statuses.add(http.send(request(server, "/api/ask/stream").header("Authorization", "Bearer k1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RUBLE))).status());
        statuses.add(http.send(keyed.copy().POST(HttpRequest.BodyPublishers.ofString(RUBLE))).status());
        assertEquals(List.of(204, 401, 413, 400, 415, 404, 405, 406, 200), statuses);
        long start = System.nanoTime();
        assertTrue(server.stop(), "shutdown found requests still counted in flight");
        assertEquals(0, server.inFlight());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(25), "shutdown waited for a request that had ended");
    }

    @Test
    void a_rate_limited_request_leaves_the_drain_balanced_and_says_when_to_retry() {
        Server server = Server.start(Main.assistant(DOCUMENT), "127.0.0.1", 0,
                new ServerSettings(List.of(), 60, 1, 4, List.of(), 2, Duration.ofSeconds(30), ServerSettings.DEFAULT_REQUEST_READ));
        Http http = new Http(server.port());
        assertEquals(200, http.get("/api/health").status());
        Http.Reply limited = http.get("/api/health");
        ServerErrorsTest.assertError(limited, 429, "rate_limited");
        assertTrue(limited.raw().headers().firstValue("Retry-After").isPresent());
        assertTrue(server.stop());
        assertEquals(0, server.inFlight());
    }

    @Test
    void a_stream_still_open_after_the_drain_time_ends_with_a_shutting_down_event_and_no_stack_trace() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AnswerModel stuck = ScriptedModel.answering(r -> {
            entered.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Draft.answer("The ruble should be a reserve currency [8].");
        });
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            Server server = Server.start(assistant(stuck), "127.0.0.1", 0,
                    ServerSettings.open().withDrain(Duration.ofMillis(300)));
            Http http = new Http(server.port());
            CompletableFuture<Http.Reply> stream = CompletableFuture.supplyAsync(() -> http.stream(RUBLE));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            assertFalse(server.stop(), "the stream could not finish within the drain time");
            List<Http.Event> events = Http.events(stream.get(30, TimeUnit.SECONDS).body());
            assertEquals(List.of("retrieved", "error"), events.stream().map(Http.Event::name).toList());
            assertEquals("shutting_down", events.get(1).data().get("error").asText());
            release.countDown();
            String logged = log.toString(StandardCharsets.UTF_8);
            assertFalse(logged.contains("Exception") || logged.contains("\tat "), logged);
            assertTrue(logged.contains("ended 1 open stream(s)"), logged);
        } finally {
            release.countDown();
            System.setErr(original);
        }
    }
}
