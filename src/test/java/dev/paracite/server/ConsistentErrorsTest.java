package dev.paracite.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import dev.paracite.provider.Fakes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One error shape and one outcome whatever the route, the Accept header, the method or the endpoint,
 * and chats whose turns outgrow the limits: what a client may rely on.
 */
class ConsistentErrorsTest {

    /** A fake model server per test, started before it and stopped after it. */
    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(WireMockConfiguration.options().dynamicPort()).build();
    private Server server;
    private Http http;

    @BeforeEach
    void start() {
        server = Server.start(Main.assistant(DocumentLoader.builtIn(), new ModelSettings("openai", wire.baseUrl() + "/v1",
                "k", "gpt-test", 0, 300, Duration.ofSeconds(5), 0, false, null)), "127.0.0.1", 0);
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    @Test
    void an_unknown_route_is_a_json_not_found_whatever_the_accept_header() {
        for (String accept : List.of("application/json", "text/html", "*/*", "text/plain")) {
            for (String path : List.of("/api/nope", "/nope")) {
                Http.Reply r = http.send(request(path).header("Accept", accept).GET());
                ServerErrorsTest.assertError(r, 404, "not_found");
            }
        }
    }

    @Test
    void head_carries_the_headers_get_does_without_a_body() {
        for (String path : List.of("/api/health", "/api/paragraphs/8", "/", "/api/nope")) {
            Http.Reply get = http.send(request(path).GET());
            Http.Reply head = http.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(get.status(), head.status(), path);
            assertEquals(get.raw().headers().firstValue("Content-Type"), head.raw().headers().firstValue("Content-Type"), path);
            assertEquals(get.raw().headers().firstValue("Content-Security-Policy"),
                    head.raw().headers().firstValue("Content-Security-Policy"), path);
            assertEquals("", head.body(), path);
        }
    }

    private static String ask(String question, List<Map<String, String>> history) {
        ObjectNode body = Http.MAPPER.createObjectNode().put("question", question);
        ArrayNode turns = body.putArray("history");
        history.forEach(t -> turns.addObject().put("role", t.get("role")).put("content", t.get("content")));
        return body.toString();
    }

    @Test
    void a_history_problem_is_invalid_history_and_a_long_answer_in_it_is_clipped_not_refused() {
        Http.Reply longUser = http.postJson("/api/ask", ask("And then?",
                List.of(Map.of("role", "user", "content", "ruble ".repeat(3_000)))));
        ServerErrorsTest.assertError(longUser, 400, "invalid_history");
        Http.Reply badRole = http.postJson("/api/ask", ask("And then?", List.of(Map.of("role", "system", "content", "x"))));
        ServerErrorsTest.assertError(badRole, 400, "invalid_history");

        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching("(?s).*Rewrite.*|(?s).*standalone.*"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Fakes.openAiReply("What role should the ruble play?"))));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Fakes.openAiReply("The ruble should become a reserve currency [8]."))));
        String longAnswer = "The ruble should become a reserve currency [8]. ".repeat(400);
        assertTrue(longAnswer.length() > 10_000);
        Http.Reply r = http.postJson("/api/ask", ask("Why?", List.of(Map.of("role", "user", "content",
                "What role should the ruble play?"), Map.of("role", "assistant", "content", longAnswer))));
        assertEquals(200, r.status(), r.body());
        assertEquals("answered", r.json().get("outcome").asText(), r.body());
    }

    @Test
    void a_follow_up_the_model_rewrites_beyond_a_question_s_length_is_not_searched() {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(Fakes.openAiReply("ruble ".repeat(1_000)))));
        Http.Reply r = http.postJson("/api/ask", ask("Why?", List.of(Map.of("role", "user", "content",
                "What role should the ruble play?"), Map.of("role", "assistant", "content", "A reserve currency [8]."))));
        ServerErrorsTest.assertError(r, 502, "model_error");
        assertTrue(r.json().get("message").asText().contains("5999 characters"), r.body());
        wire.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void a_reply_without_choices_is_the_same_model_error_on_ask_and_on_the_stream() throws Exception {
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-test\",\"choices\":[]}")));
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).withRequestBody(matching("(?s).*\"stream\"\\s*:\\s*true.*"))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(
                        "data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-test\",\"choices\":[]}\n\n"
                                + "data: [DONE]\n\n")));
        Http.Reply ask = http.postJson("/api/ask", Http.question("What role should the ruble play?"));
        ServerErrorsTest.assertError(ask, 502, "model_error");
        List<Http.Event> events = Http.events(http.stream(Http.question("What role should the ruble play?")).body());
        Http.Event last = events.get(events.size() - 1);
        assertEquals("error", last.name(), events.toString());
        assertEquals("model_error", last.data().get("error").asText());
        assertEquals(ask.json().get("message").asText(), last.data().get("message").asText());
        assertFalse(events.stream().anyMatch(e -> e.name().equals("delta")));
    }
}
