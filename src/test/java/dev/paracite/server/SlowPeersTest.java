package dev.paracite.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.paracite.Main;
import dev.paracite.RawHttp;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import dev.paracite.provider.Fakes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model that says nothing, a client that leaves, a provider that asks for patience: one deadline per
 * answer, calls cancelled for clients that left, Retry-After heard and passed on. Time is what these
 * tests test, so their bounds are the product's promises (the answer timeout plus 1 s; 1 s to cancel).
 */
class SlowPeersTest {

    private static final String RUBLE = Http.question("What role should the ruble play?");
    private final List<AutoCloseable> closing = new ArrayList<>();
    private PrintStream originalErr;

    @BeforeEach
    void quiet() {
        originalErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() throws Exception {
        System.setErr(originalErr);
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Server server(String baseUrl, Duration timeout, int retries, Duration answerTimeout) {
        Server server = Server.start(Main.assistant(DocumentLoader.builtIn(), new ModelSettings("openai", baseUrl, "k",
                "gpt-test", 0, 300, timeout, retries, false, null, answerTimeout)), "127.0.0.1", 0);
        closing.add(0, server);
        return server;
    }

    private SilentModel silent() throws IOException {
        SilentModel model = new SilentModel();
        closing.add(model);
        return model;
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void a_silent_model_ends_in_503_within_the_answer_timeout_every_try_included() throws Exception {
        SilentModel model = silent();
        Server server = server(model.baseUrl(), Duration.ofSeconds(60), 2, Duration.ofSeconds(2));
        long start = System.nanoTime();
        Http.Reply r = new Http(server.port()).postJson("/api/ask", RUBLE);
        double took = secondsSince(start);
        ServerErrorsTest.assertError(r, 503, "model_unavailable");
        assertTrue(r.raw().headers().firstValue("Retry-After").isPresent());
        assertTrue(took < 3.0, "503 after " + took + " s; the promise is the answer timeout (2 s) + 1 s");
        assertTrue(model.awaitCloses(1, 5), "the silent call was closed");
    }

    @Test
    void a_silent_model_s_stream_shows_life_at_once_and_ends_with_an_error_event_within_the_answer_timeout() throws Exception {
        SilentModel model = silent();
        Server server = server(model.baseUrl(), Duration.ofSeconds(60), 2, Duration.ofSeconds(2));
        long start = System.nanoTime();
        Http.Reply r = new Http(server.port()).stream(RUBLE);
        double took = secondsSince(start);
        assertTrue(r.body().startsWith(":"), "a comment before anything else: " + r.body());
        List<Http.Event> events = Http.events(r.body());
        assertEquals(List.of("retrieved", "error"), events.stream().map(Http.Event::name).toList());
        assertEquals("model_unavailable", events.get(1).data().get("error").asText());
        assertTrue(took < 3.0, "error after " + took + " s; the promise is the answer timeout (2 s) + 1 s");
    }

    /** Sends a request raw, waits for the model to be called, leaves; what the model saw. */
    private void leaveDuringTheModelCall(String path, String accept) throws Exception {
        SilentModel model = silent();
        Server server = server(model.baseUrl(), Duration.ofSeconds(60), 2, Duration.ofSeconds(60));
        long left;
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            RawHttp.postJson(client, path, accept, "", RUBLE);
            assertTrue(model.awaitRequests(1, 30), "the model was called");
            left = System.nanoTime();
        }
        assertTrue(model.awaitCloses(1, 30), "the model call was never closed");
        double cancelled = (model.connections().get(0).closedNanos - left) / 1e9;
        assertTrue(cancelled < 1.0, "the model call was closed " + cancelled + " s after the client left");
        // a retry would come after 250 ms of backoff; give it four times that
        Thread.sleep(1_000);
        assertEquals(1, model.requested(), "no retry for a client that left");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.inFlight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, server.inFlight(), "the answering place was given back");
    }

    @Test
    void a_client_that_leaves_an_ask_cancels_the_model_call_within_a_second() throws Exception {
        leaveDuringTheModelCall("/api/ask", "application/json");
    }

    @Test
    void a_client_that_leaves_a_stream_cancels_the_model_call_within_a_second() throws Exception {
        leaveDuringTheModelCall("/api/ask/stream", "text/event-stream");
    }

    private WireMockServer wire() {
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wire.start();
        closing.add(wire::stop);
        return wire;
    }

    @Test
    void the_provider_s_retry_after_is_waited_for_within_the_deadline() {
        WireMockServer wire = wire();
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{}"))
                .willSetStateTo("ready"));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("busy").whenScenarioStateIs("ready")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fakes.openAiReply("The ruble should become a reserve currency [8]."))));
        Server server = server(wire.baseUrl() + "/v1", Duration.ofSeconds(30), 2, Duration.ofSeconds(30));
        Http.Reply r = new Http(server.port()).postJson("/api/ask", RUBLE);
        assertEquals(200, r.status(), r.body());
        List<ServeEvent> calls = new ArrayList<>(wire.getAllServeEvents());
        calls.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        assertEquals(2, calls.size());
        long gap = calls.get(1).getRequest().getLoggedDate().getTime() - calls.get(0).getRequest().getLoggedDate().getTime();
        assertTrue(gap >= 1_900, "retried after " + gap + " ms; the provider asked for 2 s");
    }

    @Test
    void a_retry_after_beyond_the_deadline_is_passed_on_rather_than_waited_for() {
        WireMockServer wire = wire();
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{}")));
        Server server = server(wire.baseUrl() + "/v1", Duration.ofSeconds(10), 2, Duration.ofSeconds(10));
        long start = System.nanoTime();
        Http.Reply r = new Http(server.port()).postJson("/api/ask", RUBLE);
        ServerErrorsTest.assertError(r, 503, "model_unavailable");
        assertEquals("30", r.raw().headers().firstValue("Retry-After").orElseThrow());
        assertEquals(1, wire.getAllServeEvents().size(), "not retried: 30 s is past the 10 s answer timeout");
        assertTrue(secondsSince(start) < 5, "answered at once, not after waiting");
    }

    @Test
    void slowloris_connections_are_closed_after_the_request_read_deadline_while_health_stays_answered() throws Exception {
        Server server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0,
                ServerSettings.open().withRequestRead(Duration.ofSeconds(1)));
        closing.add(0, server);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket s = new Socket("127.0.0.1", server.port());
            s.setSoTimeout(5);
            s.getOutputStream().write("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            slow.add(s);
        }
        Http http = new Http(server.port());
        long start = System.nanoTime();
        int closed = 0;
        boolean[] isClosed = new boolean[slow.size()];
        while (closed < slow.size() && secondsSince(start) < 10) {
            for (int i = 0; i < slow.size(); i++) {
                if (isClosed[i]) {
                    continue;
                }
                try {
                    slow.get(i).getOutputStream().write('x');
                    if (slow.get(i).getInputStream().read() < 0) {
                        isClosed[i] = true;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // still open, still sending one byte at a time
                } catch (IOException e) {
                    isClosed[i] = true;
                }
                closed += isClosed[i] ? 1 : 0;
            }
            assertEquals(200, http.get("/api/health").status(), "health is answered while slow clients hold connections");
        }
        double took = secondsSince(start);
        for (Socket s : slow) {
            s.close();
        }
        assertEquals(slow.size(), closed, "slow connections still open after " + took + " s");
        assertTrue(took < 6, "closed after " + took + " s; the deadline is 1 s, swept every 0.25 s");
        assertEquals(200, http.postJson("/api/ask", RUBLE).status(), "a client sending its request at once is answered");
    }
}
