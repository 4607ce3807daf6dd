package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /v1/chat/completions} and {@code /v1/models} over plain HTTP, with the built-in document and the extractive model. */
class OpenAiEndpointTest extends BuiltInServerTest {

    static final String RUBLE = "{\"model\": \"paracite\", \"messages\": [{\"role\": \"user\", \"content\": "
            + "\"What role should the ruble play?\"}]%s}";

    /** An OpenAI error: the status, {@code {"error": {"message", "type", "param", "code"}}}, and nothing else. */
    static JsonNode assertOpenAiError(Http.Reply r, int status, String type, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
        JsonNode json = r.json();
        assertEquals(1, json.size(), r.body());
        JsonNode error = json.get("error");
        assertEquals(List.of("message", "type", "param", "code"), fields(error), r.body());
        assertEquals(type, error.get("type").asText());
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
        return error;
    }

    /**
     * The citations of the ruble answer as every client must see them: one, of paragraph 8, with its
     * section, text and document, its span the statement that ends with the marker.
     */
    static void assertCitesParagraph8(String content, JsonNode citations) {
        assertTrue(content.endsWith("reserve currency [8]."), content);
        assertEquals(1, citations.size(), citations.toString());
        JsonNode eight = citations.get(0);
        assertEquals(List.of("paragraph", "section", "text", "document", "span"), fields(eight));
        assertEquals("8", eight.get("paragraph").asText());
        assertEquals("II. Economic cooperation", eight.get("section").asText());
        assertEquals("strategic-course-cis", eight.get("document").asText());
        assertTrue(eight.get("text").asText().startsWith("To consider the normalization"), eight.toString());
        assertTrue(content.substring(eight.get("span").get("start").asInt(), eight.get("span").get("end").asInt())
                .endsWith("reserve currency [8]."), eight.toString());
    }

    private static List<String> fields(JsonNode node) {
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    @Test
    void a_completion_keeps_the_markers_and_carries_the_citations_on_the_message_and_beside_the_choices() {
        Http.Reply r = http.postJson("/v1/chat/completions", RUBLE.formatted(""));
        assertEquals(200, r.status(), r.body());
        JsonNode json = r.json();
        assertEquals(List.of("id", "object", "created", "model", "choices", "citations"), fields(json));
        assertEquals("chat.completion", json.get("object").asText());
        assertEquals("paracite", json.get("model").asText());
        assertEquals("chatcmpl-" + r.raw().headers().firstValue("X-Request-Id").orElseThrow(), json.get("id").asText());
        assertTrue(Math.abs(json.get("created").asLong() - System.currentTimeMillis() / 1000) < 60);
        JsonNode choice = json.get("choices").get(0);
        assertEquals(1, json.get("choices").size());
        assertEquals("stop", choice.get("finish_reason").asText());
        JsonNode message = choice.get("message");
        assertEquals("assistant", message.get("role").asText());
        String content = message.get("content").asText();
        JsonNode asked = http.postJson("/api/ask", Http.question("What role should the ruble play?")).json();
        assertEquals(asked.get("answer").asText(), content, "the same answer as /api/ask");
        assertTrue(content.endsWith("reserve currency [8]."), content);
        assertCitesParagraph8(content, message.get("citations"));
        JsonNode span = message.get("citations").get(0).get("span");
        assertEquals(asked.get("statements").get(0).get("start"), span.get("start"), "the span is the statement's");
        assertEquals(asked.get("statements").get(0).get("end"), span.get("end"));
        assertEquals(message.get("citations"), json.get("citations"), "the same citations beside the choices");
    }

    @Test
    void not_in_the_document_is_a_normal_assistant_message_without_citations() {
        String question = "What is the capital of France?";
        JsonNode asked = http.postJson("/api/ask", Http.question(question)).json();
        assertEquals("not_in_document", asked.get("outcome").asText());
        JsonNode json = http.postJson("/v1/chat/completions", RUBLE.formatted("").replace("What role should the ruble play?",
                question)).json();
        JsonNode choice = json.get("choices").get(0);
        assertEquals("stop", choice.get("finish_reason").asText());
        assertEquals(asked.get("answer").asText(), choice.get("message").get("content").asText());
        assertEquals(0, choice.get("message").get("citations").size());
        assertEquals(0, json.get("citations").size());
    }

    @Test
    void a_notice_ends_the_content_whole_and_streamed_and_the_spans_keep_their_places() throws Exception {
        String question = "What does paragraph 99 say about the ruble?";
        JsonNode asked = http.postJson("/api/ask", Http.question(question)).json();
        String notice = asked.get("notice").asText();
        assertTrue(notice.contains("no paragraph 99"), notice);
        String body = RUBLE.replace("What role should the ruble play?", question);
        JsonNode message = http.postJson("/v1/chat/completions", body.formatted("")).json().get("choices").get(0)
                .get("message");
        String content = message.get("content").asText();
        assertEquals(asked.get("answer").asText() + "\n\n" + notice, content);
        for (JsonNode citation : message.get("citations")) {
            assertTrue(citation.get("span").get("end").asInt() <= asked.get("answer").asText().length());
        }
        Http.Reply r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted(", \"stream\": true"))));
        StringBuilder streamed = new StringBuilder();
        chunks(r.body()).forEach(c -> streamed.append(c.get("choices").get(0).get("delta").path("content").asText("")));
        assertEquals(content, streamed.toString());
    }

    @Test
    void earlier_messages_are_the_history_and_system_messages_are_ignored() {
        String body = "{\"messages\": [{\"role\": \"system\", \"content\": \"Answer in French.\"},"
                + "{\"role\": \"user\", \"content\": \"What is the Collective Security Treaty?\"},"
                + "{\"role\": \"assistant\", \"content\": [{\"type\": \"text\", \"text\": \"A treaty [12].\"}]},"
                + "{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"When was it signed?\"}]}]}";
        JsonNode json = http.postJson("/v1/chat/completions", body).json();
        String content = json.get("choices").get(0).get("message").get("content").asText();
        assertTrue(content.contains("May 15, 1992"), json.toString());
        JsonNode alone = http.postJson("/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"When was it signed?\"}]}").json();
        assertFalse(alone.get("choices").get(0).get("message").get("content").asText().contains("May 15, 1992"),
                "without the history the follow-up has no subject: " + alone);
    }

    @Test
    void fields_common_clients_send_are_accepted_and_ignored() {
        String extras = ", \"model\": \"gpt-4o\", \"temperature\": 0.2, \"top_p\": 1, \"max_tokens\": 50, \"user\": \"u-1\","
                + " \"n\": 1, \"presence_penalty\": 0, \"frequency_penalty\": 0, \"stream\": false, \"seed\": 7,"
                + " \"stream_options\": {\"include_usage\": true}, \"something_new\": {\"x\": [1]}";
        Http.Reply r = http.postJson("/v1/chat/completions", RUBLE.formatted(extras).replace("\"model\": \"paracite\", ", ""));
        assertEquals(200, r.status(), r.body());
        assertEquals("paracite", r.json().get("model").asText(), "any model name is answered by the one model");
        assertTrue(r.json().get("choices").get(0).get("message").get("content").asText().endsWith("[8]."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`[]`                                                                         | invalid_request  |",
            "`{}`                                                                         | invalid_messages | messages",
            "`{\"messages\": []}`                                                         | invalid_messages | messages",
            "`{\"messages\": \"What role should the ruble play?\"}`                       | invalid_messages | messages",
            "`{\"messages\": [\"hi\"]}`                                                   | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\"}]}`                                     | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\", \"content\": 5}]}`                     | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}` | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}` | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"system\", \"content\": \"s\"}]}` | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"tool\", \"content\": \"q\"}, {\"role\": \"user\", \"content\": \"q\"}]}` | invalid_messages | messages",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"  \"}]}`                 | invalid_question |",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}], \"n\": 2}`        | invalid_request  | n",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}], \"n\": \"1\"}`    | invalid_request  | n",
            "`{\"messages\": [{\"role\": \"user\", \"content\": \"q\"}], \"stream\": \"yes\"}` | invalid_request | stream",
    })
    void bad_requests_get_a_400_in_openai_s_error_shape(String body, String code, String param) {
        JsonNode error = assertOpenAiError(http.postJson("/v1/chat/completions", body), 400, "invalid_request_error", code);
        if (param == null) {
            assertTrue(error.get("param").isNull(), error.toString());
        } else {
            assertEquals(param, error.get("param").asText());
        }
    }

    @Test
    void the_last_message_and_n_are_refused_in_sentences() {
        JsonNode last = assertOpenAiError(http.postJson("/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", "
                + "\"content\": \"q\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}"), 400, "invalid_request_error",
                "invalid_messages");
        assertEquals("The last message must be the user's question; it is a \"assistant\" message.", last.get("message").asText());
        JsonNode n = assertOpenAiError(http.postJson("/v1/chat/completions", RUBLE.formatted(", \"n\": 3")), 400,
                "invalid_request_error", "invalid_request");
        assertEquals("n must be 1: Paracite writes one answer per question.", n.get("message").asText());
    }

    @Test
    void the_same_limits_as_api_ask_apply() {
        String long2001 = "x".repeat(2_001);
        JsonNode tooLong = assertOpenAiError(http.postJson("/v1/chat/completions",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"" + long2001 + "\"}]}"), 400, "invalid_request_error",
                "invalid_question");
        assertEquals("The question is 2001 characters long; the limit is 2000.", tooLong.get("message").asText());
        assertOpenAiError(http.postJson("/v1/chat/completions", "{\"messages\": [{\"role\": \"user\", \"content\": \""
                + "y".repeat(70_000) + "\"}]}"), 413, "invalid_request_error", "payload_too_large");
        assertOpenAiError(http.post("/v1/chat/completions", "text/plain", RUBLE.formatted("")), 415, "invalid_request_error",
                "unsupported_media_type");
        assertOpenAiError(http.postJson("/v1/chat/completions", "{\"messages\": ["), 400, "invalid_request_error", "invalid_json");
    }

    @Test
    void a_long_chat_keeps_its_newest_twenty_turns_as_history() {
        StringBuilder body = new StringBuilder("{\"messages\": [");
        for (int i = 0; i < 30; i++) {
            body.append("{\"role\": \"user\", \"content\": \"borders ").append(i).append("\"},")
                    .append("{\"role\": \"assistant\", \"content\": \"Answer ").append(i).append(" [3].\"},");
        }
        body.append("{\"role\": \"user\", \"content\": \"What role should the ruble play?\"}]}");
        Http.Reply r = http.postJson("/v1/chat/completions", body.toString());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("choices").get(0).get("message").get("content").asText().endsWith("[8]."), r.body());
    }

    @Test
    void unknown_v1_paths_and_methods_answer_in_openai_s_shape_and_api_keeps_its_own() {
        assertOpenAiError(http.get("/v1/embeddings"), 404, "invalid_request_error", "not_found");
        assertOpenAiError(http.get("/v1"), 404, "invalid_request_error", "not_found");
        assertOpenAiError(http.get("/v1/chat/completions"), 405, "invalid_request_error", "method_not_allowed");
        ServerErrorsTest.assertError(http.postJson("/api/ask", "{}"), 400, "invalid_request");
    }

    @Test
    void jetty_s_own_refusals_answer_in_the_shape_of_the_path() {
        String big = "x".repeat(64 * 1024);
        assertOpenAiError(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/models"))
                .header("X-Big", big).GET()), 431, "invalid_request_error", "headers_too_large");
        ServerErrorsTest.assertError(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/health")).header("X-Big", big).GET()), 431, "headers_too_large");
    }

    @Test
    void models_lists_the_one_model() {
        JsonNode models = http.get("/v1/models").json();
        assertEquals("list", models.get("object").asText());
        assertEquals(1, models.get("data").size());
        JsonNode model = models.get("data").get(0);
        assertEquals(List.of("id", "object", "created", "owned_by"), fields(model));
        assertEquals("paracite", model.get("id").asText());
        assertEquals("model", model.get("object").asText());
        assertEquals("paracite", model.get("owned_by").asText());
        assertEquals(model, http.get("/v1/models/paracite").json());
        JsonNode missing = assertOpenAiError(http.get("/v1/models/gpt-4o"), 404, "invalid_request_error", "model_not_found");
        assertEquals("There is no model \"gpt-4o\"; the one model is \"paracite\".", missing.get("message").asText());
    }

    @Test
    void a_stream_sends_the_role_then_the_statements_then_the_citations_then_done() throws Exception {
        Http.Reply r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(RUBLE.formatted(", \"stream\": true"))));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        assertFalse(r.body().contains("event:"), "bare data lines, as OpenAI sends: " + r.body());
        assertTrue(r.body().endsWith("data: [DONE]\n\n"), r.body());
        List<JsonNode> chunks = chunks(r.body());
        JsonNode full = http.postJson("/v1/chat/completions", RUBLE.formatted("")).json();
        StringBuilder content = new StringBuilder();
        for (JsonNode chunk : chunks) {
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertEquals(chunks.get(0).get("id"), chunk.get("id"), "one id for the whole stream");
            content.append(chunk.get("choices").get(0).get("delta").path("content").asText(""));
        }
        assertEquals("assistant", chunks.get(0).get("choices").get(0).get("delta").get("role").asText());
        assertEquals(full.get("choices").get(0).get("message").get("content").asText(), content.toString());
        JsonNode last = chunks.get(chunks.size() - 1);
        assertEquals("stop", last.get("choices").get(0).get("finish_reason").asText());
        assertEquals(full.get("citations"), last.get("citations"));
        assertEquals(full.get("citations"), last.get("choices").get(0).get("delta").get("citations"));
        chunks.subList(0, chunks.size() - 1).forEach(c -> assertTrue(c.get("choices").get(0).get("finish_reason").isNull()));
    }

    @Test
    void a_stream_of_a_question_not_in_the_document_says_so_in_its_content() throws Exception {
        Http.Reply r = http.postJson("/v1/chat/completions", RUBLE.formatted(", \"stream\": true")
                .replace("What role should the ruble play?", "What is the capital of France?"));
        List<JsonNode> chunks = chunks(r.body());
        JsonNode asked = http.postJson("/api/ask", Http.question("What is the capital of France?")).json();
        StringBuilder content = new StringBuilder();
        chunks.forEach(c -> content.append(c.get("choices").get(0).get("delta").path("content").asText("")));
        assertEquals(asked.get("answer").asText(), content.toString());
        assertEquals(0, chunks.get(chunks.size() - 1).get("citations").size());
        assertTrue(r.body().endsWith("data: [DONE]\n\n"));
    }

    /** The JSON chunks of an OpenAI stream, {@code [DONE]} left out. */
    static List<JsonNode> chunks(String body) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (Http.Event e : Http.events(body.replace("data: [DONE]", ""))) {
            assertEquals("message", e.name());
            chunks.add(e.data());
        }
        return chunks;
    }

    @Test
    void health_counts_nothing_in_flight_after_v1_requests() {
        http.postJson("/v1/chat/completions", RUBLE.formatted(""));
        http.postJson("/v1/chat/completions", "{}");
        http.get("/v1/models");
        assertEquals(0, server.inFlight());
    }
}
