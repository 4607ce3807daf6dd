package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented error: one JSON shape, the right status, and nothing of the server's insides. */
class ServerErrorsTest extends BuiltInServerTest {

    static void assertError(Http.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        JsonNode json = r.json();
        assertEquals(2, json.size(), r.body());
        assertEquals(code, json.get("error").asText());
        String message = json.get("message").asText();
        assertFalse(message.isBlank());
        assertFalse(message.matches("(?s).*(Exception|\\bat [a-z]+\\.|\\.java|/work/|/tmp/|io\\.javalin).*"), message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{}`                                            | invalid_request",
            "`{\"question\": null}`                          | invalid_request",
            "`{\"question\": 42}`                            | invalid_request",
            "`{\"question\": [\"a\"]}`                       | invalid_request",
            "`{\"question\": \"\"}`                          | invalid_question",
            "`{\"question\": \"   \"}`                       | invalid_question",
            "`{\"question\": \"q\", \"topK\": 0}`            | invalid_question",
            "`{\"question\": \"q\", \"topK\": 21}`           | invalid_question",
            "`{\"question\": \"q\", \"topK\": \"5\"}`        | invalid_top_k",
            "`{\"question\": \"q\", \"topK\": 5.5}`          | invalid_top_k",
            "`{\"question\": \"q\", \"topK\": 99999999999}`  | invalid_top_k",
            "`{\"question\": \"q\", \"history\": \"no\"}`    | invalid_history",
            "`{\"question\": \"q\", \"history\": [1]}`       | invalid_history",
            "`{\"question\": \"q\", \"history\": [{\"role\": \"system\", \"content\": \"x\"}]}` | invalid_history",
            "`{\"question\": \"q\", \"history\": [{\"role\": \"user\"}]}` | invalid_history",
            "`{\"question\": \"q\", \"history\": [{\"role\": \"user\", \"content\": \"x\", \"extra\": 1}]}` | invalid_history",
            "`{\"question\": \"q\", \"mode\": \"fast\"}`     | invalid_request",
            "`[\"question\"]`                                | invalid_request",
            "`\"question\"`                                  | invalid_request",
            "`{\"question\": \"q\"`                          | invalid_json",
            "`{\"question\": \"q\"} trailing`                | invalid_json",
            "`{\"question\": \"a\", \"question\": \"b\"}`    | invalid_json",
            "`not json`                                      | invalid_json",
            "``                                              | invalid_json",
    })
    void bad_ask_bodies_get_400(String body, String code) {
        assertError(http.postJson("/api/ask", body), 400, code);
        assertError(http.stream(body), 400, code);
    }

    @Test
    void a_question_over_2000_characters_gets_400() {
        Http.Reply r = http.postJson("/api/ask", Http.question("x".repeat(2001)));
        assertError(r, 400, "invalid_question");
        assertEquals("The question is 2001 characters long; the limit is 2000.", r.json().get("message").asText());
    }

    @Test
    void history_over_20_turns_gets_400() {
        StringBuilder turns = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            turns.append(i == 0 ? "" : ",").append("{\"role\": \"user\", \"content\": \"q").append(i).append("\"}");
        }
        Http.Reply r = http.postJson("/api/ask", "{\"question\": \"q\", \"history\": [" + turns + "]}");
        assertError(r, 400, "invalid_history");
        assertEquals("history has 21 turns; the limit is 20.", r.json().get("message").asText());
    }

    @Test
    void a_non_json_content_type_gets_415() {
        assertError(http.post("/api/ask", "text/plain", "{\"question\": \"q\"}"), 415, "unsupported_media_type");
        assertError(http.post("/api/ask", "application/x-www-form-urlencoded", "question=q"), 415, "unsupported_media_type");
    }

    @Test
    void a_body_over_64_kib_gets_413() {
        assertError(http.postJson("/api/ask", "{\"question\": \"" + "x".repeat(70_000) + "\"}"), 413, "payload_too_large");
    }

    @Test
    void unknown_paragraphs_and_routes_get_404() {
        assertError(http.get("/api/paragraphs/42"), 404, "not_found");
        assertError(http.get("/api/nothing"), 404, "not_found");
        assertError(http.get("/no/such/page.html"), 404, "not_found");
    }

    @Test
    void a_wrong_method_gets_405() {
        assertError(http.get("/api/ask"), 405, "method_not_allowed");
        assertError(http.postJson("/api/health", "{}"), 405, "method_not_allowed");
        assertError(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/paragraphs"))
                .DELETE()), 405, "method_not_allowed");
    }

    @Test
    void a_stream_request_without_the_event_stream_accept_header_gets_406() {
        assertError(http.postJson("/api/ask/stream", Http.question("q")), 406, "not_acceptable");
    }

    @Test
    void the_server_still_answers_after_bad_requests() {
        http.postJson("/api/ask", "{\"question\"");
        assertEquals("answered", http.postJson("/api/ask", Http.question("What role should the ruble play?")).json()
                .get("outcome").asText());
    }
}
