package dev.paracite.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import dev.paracite.provider.Fakes;
import dev.paracite.provider.ScriptedServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The grounding promise end to end, as an integrator meets it: a fake OpenAI-compatible model answers,
 * and what /api/ask returns and what every delta of /api/ask/stream carries is checked. Invented
 * statements never reach the client; cut and cut-short streams end with what was checked and a notice.
 */
class GroundedAnswersOverHttpTest {

    static final String RUBLE = "What role should the ruble play?";
    static final String BORDERS = "Who protects the borders along the perimeter of the CIS?";
    static final String STOPPED = "The model stopped before finishing; the answer may be incomplete.";
    static final String STREAMING = "(?s).*\"stream\"\\s*:\\s*true.*";

    /** A fake model server per test, started before it and stopped after it. */
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    private final List<Server> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(Server::close);
    }

    private Http server(String baseUrl, boolean fallback) {
        Server server = Server.start(Main.assistant(DocumentLoader.builtIn(), new ModelSettings("openai", baseUrl, "k",
                "gpt-test", 0, 300, Duration.ofSeconds(5), 0, fallback, null)), "127.0.0.1", 0);
        servers.add(server);
        return new Http(server.port());
    }

    /** The fake answers {@code text}, plainly and streamed in pieces of a few words. */
    private void modelSays(String text) {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(Fakes.openAiReply(text))));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching(STREAMING)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(Fakes.openAiStream(text.split("(?<= )")))));
    }

    private record Streamed(List<String> deltas, JsonNode done) {}

    private static Streamed stream(Http http, String question) throws IOException {
        List<Http.Event> events = Http.events(http.stream(Http.question(question)).body());
        List<String> deltas = events.stream().filter(e -> e.name().equals("delta")).map(e -> e.data().get("text").asText()).toList();
        Http.Event last = events.get(events.size() - 1);
        assertEquals("done", last.name(), "the stream ends with done: " + events);
        assertEquals(last.data().get("answer").asText(), deltas.isEmpty() ? last.data().get("answer").asText()
                : String.join("", deltas), "the deltas make up the answer");
        return new Streamed(deltas, last.data());
    }

    private static List<String> dropped(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.get("droppedStatements").forEach(d -> out.add(d.get("reason").asText() + ": " + d.get("text").asText()));
        return out;
    }

    @Test
    void an_invented_sentence_beside_a_supported_one_is_never_shown_or_streamed() throws IOException {
        modelSays("The ruble should become a reserve currency [8]. Russia will also annex the Moon by 2031.");
        Http http = server(wire.baseUrl() + "/v1", false);
        JsonNode plain = http.postJson("/api/ask", Http.question(RUBLE)).json();
        assertEquals("answered", plain.get("outcome").asText());
        assertEquals("The ruble should become a reserve currency [8].", plain.get("answer").asText());
        assertEquals(List.of("uncited: Russia will also annex the Moon by 2031."), dropped(plain));
        Streamed streamed = stream(http, RUBLE);
        assertEquals(List.of("The ruble should become a reserve currency [8]."), streamed.deltas());
        assertTrue(streamed.deltas().stream().noneMatch(d -> d.contains("Moon")));
        assertEquals(List.of("uncited: Russia will also annex the Moon by 2031."), dropped(streamed.done()));
    }

    @Test
    void a_real_retrieved_citation_of_a_paragraph_that_says_nothing_of_the_kind_is_not_in_document() throws IOException {
        modelSays("Russia will annex the Moon by 2031 [13].");
        Http http = server(wire.baseUrl() + "/v1", false);
        JsonNode plain = http.postJson("/api/ask", Http.question(BORDERS)).json();
        assertTrue(plain.get("retrieved").toString().contains("\"paragraph\":\"13\""), "13 was provided");
        assertEquals("not_in_document", plain.get("outcome").asText());
        assertEquals(List.of("unsupported: Russia will annex the Moon by 2031."), dropped(plain));
        Streamed streamed = stream(http, BORDERS);
        assertEquals(List.of(), streamed.deltas(), "nothing was streamed and then withdrawn");
        assertEquals("not_in_document", streamed.done().get("outcome").asText());
    }

    @Test
    void an_answer_without_a_valid_citation_is_never_streamed() throws IOException {
        modelSays("The ruble is the best currency in the world. Everyone agrees [42].");
        Http http = server(wire.baseUrl() + "/v1", false);
        Streamed streamed = stream(http, RUBLE);
        assertEquals(List.of(), streamed.deltas());
        assertEquals("not_in_document", streamed.done().get("outcome").asText());
        assertEquals(List.of("uncited: The ruble is the best currency in the world.", "cites_unprovided: Everyone agrees."),
                dropped(streamed.done()));
    }

    @Test
    void a_stream_that_ends_without_its_end_marker_keeps_the_checked_statements_and_says_it_stopped() throws Exception {
        try (ScriptedServer model = new ScriptedServer(Fakes.openAiChunksEnding(null,
                "The ruble should become a reserve currency [8]. ", "Moscow will annex"), 20, ScriptedServer.Ending.COMPLETE)) {
            Streamed streamed = stream(server(model.baseUrl(), false), RUBLE);
            assertEquals(List.of("The ruble should become a reserve currency [8]."), streamed.deltas());
            assertEquals(STOPPED, streamed.done().get("notice").asText());
            assertEquals(List.of("unfinished: Moscow will annex"), dropped(streamed.done()));
        }
    }

    @Test
    void a_length_stop_keeps_the_checked_statements_and_says_it_stopped_on_both_endpoints() throws IOException {
        String text = "The ruble should become a reserve currency [8]. Moscow will annex";
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Fakes.openAiReply(text).replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\""))));
        StringBuilder body = new StringBuilder();
        Fakes.openAiChunksEnding("length", text.split("(?<= )")).forEach(body::append);
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching(STREAMING)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                        .withBody(body.append("data: [DONE]\n\n").toString())));
        Http http = server(wire.baseUrl() + "/v1", false);
        JsonNode plain = http.postJson("/api/ask", Http.question(RUBLE)).json();
        assertEquals("The ruble should become a reserve currency [8].", plain.get("answer").asText());
        assertEquals(STOPPED, plain.get("notice").asText());
        Streamed streamed = stream(http, RUBLE);
        assertEquals(List.of("The ruble should become a reserve currency [8]."), streamed.deltas());
        assertEquals(STOPPED, streamed.done().get("notice").asText());
    }

    @Test
    void a_malformed_chunk_after_a_checked_statement_ends_the_answer_there() throws Exception {
        List<String> chunks = new ArrayList<>(Fakes.openAiChunksEnding(null,
                "The ruble should become a reserve currency [8]. ", "Payment rules are "));
        chunks.add("data: {\"choices\": [ not json\n\n");
        try (ScriptedServer model = new ScriptedServer(chunks, 20, ScriptedServer.Ending.COMPLETE)) {
            Streamed streamed = stream(server(model.baseUrl(), false), RUBLE);
            assertEquals(List.of("The ruble should become a reserve currency [8]."), streamed.deltas());
            assertEquals("answered", streamed.done().get("outcome").asText());
            assertEquals(STOPPED, streamed.done().get("notice").asText());
        }
    }

    @Test
    void after_a_statement_was_shown_a_failing_model_is_not_replaced_by_the_fallback() throws Exception {
        try (ScriptedServer model = new ScriptedServer(Fakes.openAiChunksEnding(null,
                "The ruble should become a reserve currency [8]. ", "Moscow will annex"), 20, ScriptedServer.Ending.CUT)) {
            Streamed streamed = stream(server(model.baseUrl(), true), RUBLE);
            assertEquals(List.of("The ruble should become a reserve currency [8]."), streamed.deltas());
            assertEquals("openai:gpt-test", streamed.done().get("model").asText());
            assertEquals(STOPPED, streamed.done().get("notice").asText());
        }
    }

    @Test
    void before_any_statement_was_shown_the_fallback_answers_alone() throws Exception {
        try (ScriptedServer model = new ScriptedServer(Fakes.openAiChunksEnding(null, "Moscow will annex"), 20,
                ScriptedServer.Ending.CUT)) {
            Streamed streamed = stream(server(model.baseUrl(), true), RUBLE);
            assertEquals("extractive", streamed.done().get("model").asText());
            assertFalse(String.join("", streamed.deltas()).contains("Moscow"));
            assertTrue(streamed.done().get("answer").asText().contains("reserve currency [8]"), streamed.done().toString());
            assertTrue(streamed.done().get("notice").asText().startsWith("The openai:gpt-test model was unavailable ("),
                    streamed.done().get("notice").asText());
        }
    }
}
