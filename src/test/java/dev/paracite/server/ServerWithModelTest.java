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
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API end to end with a faked OpenAI-compatible server behind it. */
class ServerWithModelTest {

    private static final String STREAMING = "(?s).*\"stream\"\\s*:\\s*true.*";

    /** A fake model server per test, started before it and stopped after it. */
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    private Server server;
    private Http http;
    private PrintStream originalErr;

    @BeforeEach
    void start() {
        // generous on the happy path: a busy machine must not turn a prompt answer into a timeout
        startServer(Duration.ofSeconds(30));
        originalErr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
    }

    private void startServer(Duration modelTimeout) {
        if (server != null) {
            server.close();
        }
        ModelSettings settings = new ModelSettings("openai", wire.baseUrl() + "/v1", "sk-test", "local-llama", 0.0, 300,
                modelTimeout, 0, false, null);
        server = Server.start(Main.assistant(DocumentLoader.builtIn(), settings), "127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        server.close();
    }

    private void plain(int status, String body, int delayMillis) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse().withStatus(status)
                .withFixedDelay(delayMillis).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void streamed(String body) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching(STREAMING)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
    }

    @Test
    void ask_returns_the_models_cited_answer() {
        plain(200, dev.paracite.provider.Fakes.openAiReply("The ruble should be a reserve currency [8]."), 0);
        JsonNode r = http.postJson("/api/ask", Http.question("What role should the ruble play?")).json();
        assertEquals("answered", r.get("outcome").asText());
        assertEquals("openai:local-llama", r.get("model").asText());
        assertEquals("8", r.get("citations").get(0).get("paragraph").asText());
    }

    @Test
    void stream_relays_the_models_checked_statements_then_done() throws Exception {
        streamed(dev.paracite.provider.Fakes.openAiStream("The ruble ", "should be a reserve currency [", "8].", " Also [42]."));
        List<Http.Event> events = Http.events(http.stream(Http.question("What role should the ruble play?")).body());
        assertEquals("retrieved", events.get(0).name());
        Http.Event done = events.get(events.size() - 1);
        assertEquals("done", done.name());
        StringBuilder text = new StringBuilder();
        events.stream().filter(e -> e.name().equals("delta")).forEach(e -> text.append(e.data().get("text").asText()));
        assertEquals("The ruble should be a reserve currency [8].", text.toString());
        assertEquals("The ruble should be a reserve currency [8].", done.data().get("answer").asText());
        assertEquals("42", done.data().get("droppedCitations").get(0).get("paragraph").asText());
        assertEquals("cites_unprovided", done.data().get("droppedStatements").get(0).get("reason").asText());
    }

    @Test
    void a_provider_error_gives_502_naming_its_status() {
        plain(500, "{}", 0);
        Http.Reply r = http.postJson("/api/ask", Http.question("What role should the ruble play?"));
        ServerErrorsTest.assertError(r, 502, "model_error");
        assertEquals("The openai model server answered HTTP 500.", r.json().get("message").asText());
    }

    @Test
    void a_timeout_gives_503() {
        // time is what is tested: a 1 s timeout against a model that takes 20 s, whatever the machine's load
        startServer(Duration.ofSeconds(1));
        plain(200, dev.paracite.provider.Fakes.openAiReply("late [8]."), 20_000);
        Http.Reply r = http.postJson("/api/ask", Http.question("What role should the ruble play?"));
        ServerErrorsTest.assertError(r, 503, "model_unavailable");
    }

    @Test
    void a_failing_stream_ends_with_an_error_event() throws Exception {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching(STREAMING))
                .willReturn(aResponse().withStatus(401).withBody("{}")));
        List<Http.Event> events = Http.events(http.stream(Http.question("What role should the ruble play?")).body());
        assertEquals(List.of("retrieved", "error"), events.stream().map(Http.Event::name).toList());
        assertEquals("model_error", events.get(1).data().get("error").asText());
        assertTrue(events.get(1).data().get("message").asText().contains("HTTP 401"));
    }
}
