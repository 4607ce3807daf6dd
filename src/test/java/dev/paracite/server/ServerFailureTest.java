package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Unexpected failures and shutdown, with models that break or dawdle on purpose. */
class ServerFailureTest {

    private static final Document DOCUMENT = DocumentLoader.builtIn();

    static Assistant assistant(AnswerModel model) {
        return new Assistant(new Retriever(DOCUMENT, LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.DEFAULT, Shared.embedder())), model, Shared.support());
    }

    @Test
    void an_unexpected_failure_gives_500_with_a_request_id_that_is_also_logged() throws Exception {
        AnswerModel broken = ScriptedModel.answering(r -> {
            throw new IllegalStateException("secret detail at /srv/paracite/Model.java");
        });
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Server server = Server.start(assistant(broken), "127.0.0.1", 0)) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            Http.Reply r = new Http(server.port()).postJson("/api/ask", Http.question("ruble?"));
            System.setErr(original);
            ServerErrorsTest.assertError(r, 500, "internal_error");
            String id = r.raw().headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(r.json().get("message").asText().contains(id));
            assertFalse(r.body().contains("secret"));
            String logged = log.toString(StandardCharsets.UTF_8);
            assertTrue(logged.contains("request " + id + " POST /api/ask failed"), logged);
            assertTrue(logged.contains("secret detail"), "the log keeps the detail the client does not get");
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void a_failure_while_streaming_ends_with_an_error_event() throws Exception {
        AnswerModel broken = ScriptedModel.answering(r -> {
            throw new IllegalStateException("boom");
        });
        PrintStream original = System.err;
        try (Server server = Server.start(assistant(broken), "127.0.0.1", 0)) {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            List<Http.Event> events = Http.events(new Http(server.port()).stream(Http.question("ruble?")).body());
            assertEquals(List.of("retrieved", "error"), events.stream().map(Http.Event::name).toList());
            assertEquals("internal_error", events.get(1).data().get("error").asText());
            assertFalse(events.get(1).data().get("message").asText().contains("boom"));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void shutdown_lets_a_request_in_flight_finish_and_turns_new_ones_away() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AnswerModel slow = ScriptedModel.answering(r -> {
            entered.countDown();
            sleep(1_000);
            return Draft.answer("The ruble should be a reserve currency [8].");
        });
        Server server = Server.start(assistant(slow), "127.0.0.1", 0);
        assertTrue(server.graceful());
        Http http = new Http(server.port());
        CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(
                () -> http.postJson("/api/ask", Http.question("What role should the ruble play?")));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        sleep(200);
        Http.Reply late = http.get("/api/health");
        ServerErrorsTest.assertError(late, 503, "shutting_down");
        Http.Reply finished = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.status());
        assertEquals("The ruble should be a reserve currency [8].", finished.json().get("answer").asText());
        closing.get(15, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
