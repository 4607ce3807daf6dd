package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP API over real HTTP on a free port, with the built-in document and the extractive model. */
class ServerApiTest extends BuiltInServerTest {

    @Test
    void ask_returns_the_response_shape_with_a_citation() {
        Http.Reply r = http.postJson("/api/ask", "{\"question\": \"What role should the ruble play?\"}");
        assertEquals(200, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode json = r.json();
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("outcome", "answer", "statements", "citations", "retrieved", "droppedCitations",
                "droppedStatements", "model", "document", "timings"), fields);
        assertEquals("answered", json.get("outcome").asText());
        assertEquals("8", json.get("citations").get(0).get("paragraph").asText());
        assertTrue(json.get("answer").asText().endsWith("reserve currency [8]."));
    }

    @Test
    void ask_sends_each_paragraph_text_once() {
        JsonNode json = http.postJson("/api/ask", "{\"question\": \"What role should the ruble play?\"}").json();
        List<String> cited = new ArrayList<>();
        json.get("citations").forEach(c -> cited.add(c.get("paragraph").asText()));
        assertFalse(cited.isEmpty());
        int withText = 0;
        for (JsonNode r : json.get("retrieved")) {
            boolean isCited = cited.contains(r.get("paragraph").asText());
            assertEquals(!isCited, r.has("text"), "text of retrieved paragraph " + r.get("paragraph") + " (cited: " + isCited + ")");
            withText += r.has("text") ? 1 : 0;
        }
        assertTrue(withText >= 1, "uncited retrieved paragraphs keep their text: " + json);
        json.get("citations").forEach(c -> assertFalse(c.get("text").asText().isEmpty()));
    }

    @Test
    void ask_leaves_out_the_parts_include_does_not_list() {
        String question = "{\"question\": \"What role should the ruble play?\", \"include\": %s}";
        JsonNode none = http.postJson("/api/ask", question.formatted("[]")).json();
        List<String> fields = new ArrayList<>();
        none.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("outcome", "answer", "statements", "citations", "model", "document", "timings"), fields);
        JsonNode retrieved = http.postJson("/api/ask", question.formatted("[\"retrieved\"]")).json();
        assertTrue(retrieved.has("retrieved") && !retrieved.has("droppedStatements") && !retrieved.has("droppedCitations"));
        JsonNode dropped = http.postJson("/api/ask", question.formatted("[\"dropped\"]")).json();
        assertTrue(!dropped.has("retrieved") && dropped.has("droppedStatements") && dropped.has("droppedCitations"));
        assertEquals(none.get("answer"), dropped.get("answer"));
        Http.Reply bad = http.postJson("/api/ask", question.formatted("[\"everything\"]"));
        assertEquals(400, bad.status());
        assertEquals("invalid_include", bad.json().get("error").asText());
        assertTrue(bad.json().get("message").asText().contains("\"retrieved\", \"dropped\""), bad.body());
        assertEquals(400, http.postJson("/api/ask", question.formatted("\"retrieved\"")).status());
    }

    @Test
    void stream_without_retrieved_sends_no_retrieved_event() throws Exception {
        Http.Reply r = http.stream("{\"question\": \"What role should the ruble play?\", \"include\": []}");
        List<Http.Event> events = Http.events(r.body());
        assertEquals("delta", events.get(0).name(), "no retrieved event first");
        JsonNode done = events.get(events.size() - 1).data();
        assertFalse(done.has("retrieved"));
        assertEquals("8", done.get("citations").get(0).get("paragraph").asText());
    }

    @Test
    void ask_honours_top_k_and_history() {
        JsonNode one = http.postJson("/api/ask", "{\"question\": \"borders\", \"topK\": 1}").json();
        assertEquals(1, one.get("retrieved").size());
        String followUp = "{\"question\": \"When was it signed?\", \"history\": ["
                + "{\"role\": \"user\", \"content\": \"What is the Collective Security Treaty?\"},"
                + "{\"role\": \"assistant\", \"content\": \"A treaty [12].\"}]}";
        JsonNode answer = http.postJson("/api/ask", followUp).json();
        assertEquals("answered", answer.get("outcome").asText(), answer.toString());
        assertTrue(answer.get("answer").asText().contains("May 15, 1992"), answer.toString());
    }

    @Test
    void stream_sends_retrieved_then_deltas_then_done() throws Exception {
        Http.Reply r = http.stream("{\"question\": \"What about the UN and the OSCE?\"}");
        assertEquals(200, r.status());
        assertTrue(r.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Http.Event> events = Http.events(r.body());
        assertEquals("retrieved", events.get(0).name());
        assertEquals("done", events.get(events.size() - 1).name());
        List<Http.Event> deltas = events.subList(1, events.size() - 1);
        JsonNode done = events.get(events.size() - 1).data();
        assertTrue(deltas.size() >= 1);
        assertEquals(done.get("statements").size(), deltas.size(), "one delta per checked statement");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < deltas.size(); i++) {
            Http.Event e = deltas.get(i);
            assertEquals("delta", e.name());
            text.append(e.data().get("text").asText());
            assertEquals(done.get("statements").get(i), e.data().get("statement"), "the delta carries its statement");
            assertTrue(e.data().get("statement").get("citations").size() >= 1);
        }
        assertEquals(done.get("answer").asText(), text.toString());
        assertTrue(done.get("answer").asText().contains("OSCE"), done.toString());
    }

    @Test
    void stream_keeps_newlines_inside_json_data() throws Exception {
        Http.Reply r = http.stream("{\"question\": \"What are the main objectives of Russia's policy towards the CIS states?\"}");
        List<Http.Event> events = Http.events(r.body());
        JsonNode retrieved = events.get(0).data();
        assertTrue(retrieved.get(0).get("text").asText().contains("\n"), "paragraph 4 keeps its line breaks");
    }

    @Test
    void paragraphs_come_in_document_order_with_sections() {
        JsonNode page = http.get("/api/paragraphs").json();
        assertTrue(page.get("next").isNull(), "the default limit of 100 holds all 25: " + page);
        JsonNode all = page.get("paragraphs");
        assertEquals(25, all.size());
        assertEquals("preamble", all.get(0).get("paragraph").asText());
        assertEquals("24", all.get(24).get("paragraph").asText());
        assertEquals("IV. Humanitarian cooperation and human rights", all.get(15).get("section").asText());
        JsonNode eight = http.get("/api/paragraphs/8").json();
        assertEquals("II. Economic cooperation", eight.get("section").asText());
        assertTrue(eight.get("text").asText().startsWith("To consider the normalization"));
    }

    @Test
    void paragraph_pages_of_two_walk_every_paragraph_once_in_order() {
        List<String> labels = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/api/paragraphs?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertTrue(page.get("paragraphs").size() <= 2, page.toString());
            page.get("paragraphs").forEach(p -> labels.add(p.get("paragraph").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);
        assertEquals(13, pages);
        List<String> expected = new ArrayList<>(List.of("preamble"));
        for (int i = 1; i <= 24; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, labels);
    }

    @Test
    void a_bad_limit_or_cursor_gets_400_with_a_sentence() {
        for (String query : List.of("limit=0", "limit=1001", "limit=ten", "limit=", "limit=-1")) {
            ServerErrorsTest.assertError(http.get("/api/paragraphs?" + query), 400, "invalid_limit");
        }
        for (String query : List.of("cursor=", "cursor=0", "cursor=25", "cursor=abc", "cursor=99999999999")) {
            ServerErrorsTest.assertError(http.get("/api/paragraphs?" + query), 400, "invalid_cursor");
        }
        assertEquals("limit must be a whole number from 1 to 1000.",
                http.get("/api/paragraphs?limit=0").json().get("message").asText());
        assertEquals(List.of("24"), List.of(http.get("/api/paragraphs?cursor=24").json().get("paragraphs").get(0)
                .get("paragraph").asText()));
    }

    @Test
    void document_reports_sections_and_what_ingestion_dropped_or_flagged() {
        JsonNode doc = http.get("/api/document").json();
        assertEquals("strategic-course-cis", doc.get("name").asText());
        assertEquals(25, doc.get("paragraphs").asInt());
        assertEquals(7, doc.get("sections").size());
        assertEquals(12, doc.get("ingestion").size());
        JsonNode first = doc.get("ingestion").get(1);
        assertEquals("dropped", first.get("action").asText());
        assertEquals(60, first.get("firstLine").asInt());
        assertEquals("14", first.get("paragraph").asText());
    }

    @Test
    void health_says_ok() {
        JsonNode health = http.get("/api/health").json();
        assertEquals("ok", health.get("status").asText());
        assertEquals("lucene", health.get("index").asText());
        assertEquals("extractive", health.get("model").asText());
        assertEquals(0, health.get("answering").asInt(), "nothing is being answered between requests");
    }

    @Test
    void the_chat_page_and_its_assets_are_served_from_the_jar() {
        Http.Reply page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<title>Paracite</title>"));
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external assets");
        assertEquals(200, http.get("/app.js").status());
        assertEquals(200, http.get("/app.css").status());
    }
}
