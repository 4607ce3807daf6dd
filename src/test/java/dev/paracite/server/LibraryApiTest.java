package dev.paracite.server;

import static dev.paracite.server.ServerErrorsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.library.Library;
import dev.paracite.library.Progress;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's documents over real HTTP: a server over a library in a temporary directory, the extractive model. */
class LibraryApiTest {

    /** Small, so that an oversized upload costs nothing; the default (20 MB) is checked on its own. */
    private static final long MAX_UPLOAD = 100_000;

    @TempDir
    static Path dir;
    private static LibraryServer served;
    private static Server server;
    private static Http http;

    @BeforeAll
    static void start() {
        served = LibraryServer.start(dir.resolve("library"), MAX_UPLOAD, ServerSettings.open(), Monitoring.NONE, Progress.NONE);
        server = served.server();
        http = new Http(server.port());
        assertEquals(201, upload("travel.txt", LibraryServer.TRAVEL, "travel").status());
        assertEquals(201, http.send(LibraryServer.upload(server.port(), LibraryServer.form("leave.txt",
                LibraryServer.LEAVE.getBytes(StandardCharsets.UTF_8), "leave", "Annual leave"))).status());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    private static Http.Reply upload(String fileName, String text, String id) {
        return http.send(LibraryServer.upload(server.port(), fileName, text, id));
    }

    private static Http.Reply delete(String path) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).DELETE());
    }

    private static JsonNode listed(String id) {
        for (JsonNode d : http.get("/api/documents").json().get("documents")) {
            if (d.get("id").asText().equals(id)) {
                return d;
            }
        }
        return null;
    }

    /** Every label of a paragraph listing, walking its pages of {@code limit} from the first. */
    private static List<String> walk(String path, int limit) {
        List<String> labels = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = http.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertTrue(page.get("paragraphs").size() <= limit, page.toString());
            page.get("paragraphs").forEach(p -> labels.add(p.get("paragraph").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return labels;
    }

    @Test
    void uploaded_documents_are_listed_with_their_latest_figures_and_shown_with_their_versions() {
        JsonNode leave = listed("leave");
        assertEquals("Annual leave", leave.get("title").asText());
        assertEquals(1, leave.get("version").asInt());
        assertEquals(1, leave.get("versions").asInt());
        assertEquals(3, leave.get("paragraphs").asInt(), "the title line as preamble, and two numbered paragraphs: " + leave);
        assertFalse(leave.get("added").asText().isEmpty());
        assertFalse(leave.get("format").asText().isEmpty());

        JsonNode travel = http.get("/api/documents/travel").json();
        assertEquals("travel", travel.get("id").asText());
        JsonNode v1 = travel.get("versions").get(0);
        assertEquals(1, v1.get("version").asInt());
        assertTrue(v1.get("sha256").asText().matches("[0-9a-f]{64}"), v1.toString());
        assertTrue(v1.get("source").asText().contains("travel.txt"), v1.toString());
        assertTrue(v1.get("ingestion").isArray());
        assertEquals(4, v1.get("paragraphs").asInt());
        assertEquals(List.of("preamble", "1", "2", "3"), walk("/api/documents/travel/versions/1/paragraphs", 1000));
    }

    @Test
    void a_changed_upload_makes_version_2_an_identical_one_changes_nothing_and_version_1_stays_citable() {
        JsonNode first = upload("rules.txt", LibraryServer.TRAVEL, "rules").json();
        assertEquals(List.of(1, false), List.of(first.get("version").asInt(), first.get("unchanged").asBoolean()));
        Http.Reply again = upload("rules.txt", LibraryServer.TRAVEL, "rules");
        assertEquals(200, again.status(), again.body());
        assertEquals(List.of(1, true), List.of(again.json().get("version").asInt(), again.json().get("unchanged").asBoolean()));
        Http.Reply second = upload("rules.txt", LibraryServer.TRAVEL_2, "rules");
        assertEquals(201, second.status(), second.body());
        assertEquals(2, second.json().get("version").asInt());

        JsonNode rules = listed("rules");
        assertEquals(List.of(2, 2), List.of(rules.get("version").asInt(), rules.get("versions").asInt()));
        JsonNode versions = http.get("/api/documents/rules").json().get("versions");
        assertEquals(List.of(1, 2), List.of(versions.get(0).get("version").asInt(), versions.get(1).get("version").asInt()));
        assertFalse(versions.get(0).get("sha256").asText().equals(versions.get(1).get("sha256").asText()));

        JsonNode pinned = http.get("/api/documents/rules/versions/1/paragraphs/2").json();
        assertEquals("rules", pinned.get("document").asText());
        assertEquals(1, pinned.get("version").asInt());
        assertEquals("2", pinned.get("paragraph").asText());
        assertTrue(pinned.get("text").asText().contains("Economy class is used for every flight shorter than six hours."),
                pinned.toString());
        assertTrue(http.get("/api/documents/rules/versions/2/paragraphs/2").json().get("text").asText()
                .contains("Business class is allowed"));
        assertError(http.get("/api/documents/rules/versions/3/paragraphs/2"), 404, "not_found");
        assertError(http.get("/api/documents/rules/versions/1/paragraphs/9"), 404, "not_found");
    }

    @Test
    void a_removed_document_is_gone_from_every_route() {
        assertEquals(201, upload("scratch.txt", LibraryServer.LEAVE, "scratch").status());
        Http.Reply removed = delete("/api/documents/scratch");
        assertEquals(204, removed.status(), removed.body());
        assertEquals("", removed.body());
        assertEquals(null, listed("scratch"));
        assertError(http.get("/api/documents/scratch"), 404, "not_found");
        assertEquals("The library has no document \"scratch\".", delete("/api/documents/scratch").json().get("message").asText());
        assertError(http.get("/api/documents/scratch/versions/1/paragraphs/1"), 404, "not_found");
        assertError(http.get("/api/documents/scratch/versions/1/paragraphs"), 404, "not_found");
    }

    @Test
    void pages_of_two_walk_every_paragraph_of_a_version_and_of_the_library_exactly_once() {
        StringBuilder text = new StringBuilder("Numbers\n");
        for (int i = 1; i <= 7; i++) {
            text.append(i).append(". Rule number ").append(i).append(" says something distinct about item ").append(i).append(".\n");
        }
        assertEquals(201, upload("numbers.txt", text.toString(), "numbers").status());
        List<String> all = walk("/api/documents/numbers/versions/1/paragraphs", 1000);
        assertEquals(List.of("preamble", "1", "2", "3", "4", "5", "6", "7"), all);
        assertEquals(all, walk("/api/documents/numbers/versions/1/paragraphs", 2));
        assertEquals(all, walk("/api/documents/numbers/versions/1/paragraphs", 1));

        List<String> library = walk("/api/paragraphs", 1000);
        List<String> paged = walk("/api/paragraphs", 2);
        assertEquals(library, paged);
        assertEquals(paged.size(), Set.copyOf(paged).size(), "no label twice: " + paged);
        assertEquals(http.get("/api/health").json().get("paragraphs").asInt(), paged.size());

        assertError(http.get("/api/documents/numbers/versions/1/paragraphs?cursor=not-a-cursor"), 400, "invalid_cursor");
        assertError(http.get("/api/documents/numbers/versions/1/paragraphs?limit=1001"), 400, "invalid_limit");
        assertError(http.get("/api/documents/numbers/versions/1/paragraphs?limit=0"), 400, "invalid_limit");
        assertError(http.get("/api/documents/numbers/versions/2/paragraphs"), 404, "not_found");
        assertError(http.get("/api/documents/numbers/versions/one/paragraphs"), 404, "not_found");
        assertError(http.get("/api/paragraphs?cursor=not-a-cursor"), 400, "invalid_cursor");
    }

    @Test
    void an_upload_over_the_limit_gets_413_whether_its_length_is_declared_or_not() {
        byte[] big = new byte[(int) MAX_UPLOAD + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        byte[] form = LibraryServer.form("big.txt", big, "big", null);
        // declared: refused before the body is read, so a client waiting for 100-continue never sends it
        Http.Reply declared = http.send(LibraryServer.upload(server.port(), form).expectContinue(true));
        assertError(declared, 413, "payload_too_large");
        assertEquals("The file is larger than the 100000 bytes this server accepts.", declared.json().get("message").asText());
        // the body is left unread, so the connection is not reused: the server says it closes it
        assertEquals("close", declared.raw().headers().firstValue("connection").orElse(null));
        // streamed without a length: cut off where the file passes the limit
        Http.Reply streamed = http.send(LibraryServer.upload(server.port(), form)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));
        assertError(streamed, 413, "payload_too_large");
        assertEquals("close", streamed.raw().headers().firstValue("connection").orElse(null));
        assertEquals(200, http.get("/api/health").status(), "the next request gets a fresh connection");
        assertEquals(null, listed("big"));
        assertEquals("20 MB", Uploads.megabytes(Library.DEFAULT_MAX_UPLOAD));
    }

    @Test
    void a_binary_file_gets_422_and_a_form_without_a_file_gets_400() {
        byte[] binary = {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, (byte) 0xff, (byte) 0xfe};
        Http.Reply unreadable = http.send(LibraryServer.upload(server.port(), LibraryServer.form("tool.bin", binary, "tool", null)));
        assertError(unreadable, 422, "unreadable_document");
        assertTrue(unreadable.json().get("message").asText().contains("tool.bin"), unreadable.body());
        assertEquals(null, listed("tool"));

        assertError(http.send(LibraryServer.upload(server.port(), LibraryServer.form(null, null, "x", "no file"))), 400, "invalid_upload");
        assertError(http.post("/api/documents", "text/plain", LibraryServer.TRAVEL), 400, "invalid_upload");
        Http.Reply badId = upload("travel.txt", LibraryServer.TRAVEL, "Not An Id!");
        assertError(badId, 400, "invalid_upload");
        assertTrue(badId.json().get("message").asText().startsWith("The id \"Not An Id"), badId.body());
        Http.Reply notAForm = http.post("/api/documents", "multipart/form-data; boundary=" + LibraryServer.BOUNDARY,
                "not a form");
        assertError(notAForm, 400, "invalid_upload");
        // the server closes that connection, and says so: the next request goes on a new one, not into a closed one
        assertEquals("close", notAForm.raw().headers().firstValue("Connection").orElse(""),
                notAForm.raw().headers().map().toString());
        assertEquals(200, http.get("/api/health").status());
    }

    @Test
    void a_question_asks_only_the_documents_it_names_and_unknown_ones_get_400() {
        String question = "How many days of paid annual leave does an employee have?";
        JsonNode all = http.postJson("/api/ask", "{\"question\": \"" + question + "\"}").json();
        assertEquals("answered", all.get("outcome").asText(), all.toString());
        assertTrue(all.get("citations").get(0).get("text").asText().contains("twenty-five days"), all.toString());

        JsonNode scoped = http.postJson("/api/ask", "{\"question\": \"" + question + "\", \"documents\": [\"travel\"]}").json();
        for (JsonNode r : scoped.get("retrieved")) {
            assertFalse(r.path("text").asText().contains("annual leave"), scoped.toString());
        }
        assertFalse(scoped.toString().contains("twenty-five days"), scoped.toString());

        Http.Reply unknown = http.postJson("/api/ask", "{\"question\": \"" + question + "\", \"documents\": [\"leave\", \"nope\", \"gone\"]}");
        assertError(unknown, 400, "unknown_document");
        assertEquals("The library has no document \"nope\", \"gone\".", unknown.json().get("message").asText());
        assertError(http.stream("{\"question\": \"" + question + "\", \"documents\": [\"nope\"]}"), 400, "unknown_document");
        assertError(http.postJson("/api/ask", "{\"question\": \"x\", \"documents\": \"leave\"}"), 400, "invalid_request");
    }

    @Test
    void health_says_how_many_documents_the_library_holds() {
        JsonNode health = http.get("/api/health").json();
        assertEquals(served.library().documents().size(), health.get("documents").asInt());
        assertTrue(health.get("documents").asInt() >= 2, health.toString());
        assertEquals("extractive", health.get("model").asText());
    }

    @Test
    void questions_are_answered_while_an_upload_is_being_indexed(@TempDir Path other) throws Exception {
        CountDownLatch indexing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        Progress holding = (done, total) -> {
            if (armed.compareAndSet(true, false)) {
                indexing.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (LibraryServer s = LibraryServer.start(other.resolve("library"), Library.DEFAULT_MAX_UPLOAD, ServerSettings.open(),
                Monitoring.NONE, holding)) {
            Http h = new Http(s.port());
            assertEquals(201, h.send(LibraryServer.upload(s.port(), "leave.txt", LibraryServer.LEAVE, "leave")).status());
            armed.set(true); // the next upload stops at its first progress report
            CompletableFuture<Http.Reply> adding = CompletableFuture.supplyAsync(() ->
                    h.send(LibraryServer.upload(s.port(), "travel.txt", LibraryServer.TRAVEL, "travel")));
            assertTrue(indexing.await(30, TimeUnit.SECONDS), "the upload reached indexing");
            try {
                JsonNode answer = h.postJson("/api/ask", "{\"question\": \"How many days of paid annual leave?\"}").json();
                assertEquals("answered", answer.get("outcome").asText(), answer.toString());
                assertEquals(1, h.get("/api/health").json().get("documents").asInt(), "travel is not there until it is whole");
                assertFalse(adding.isDone());
            } finally {
                release.countDown();
            }
            assertEquals(201, adding.get(30, TimeUnit.SECONDS).status());
            assertEquals(2, h.get("/api/health").json().get("documents").asInt());
        }
    }

    @Test
    void a_server_without_a_library_answers_the_library_routes_with_404_no_library() {
        try (Server single = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, ServerSettings.open())) {
            Http h = new Http(single.port());
            for (String path : List.of("/api/documents", "/api/documents/travel", "/api/documents/travel/versions/1/paragraphs",
                    "/api/documents/travel/versions/1/paragraphs/1")) {
                assertError(h.get(path), 404, "no_library");
            }
            assertError(h.send(LibraryServer.upload(single.port(), "travel.txt", LibraryServer.TRAVEL, "travel")), 404, "no_library");
            assertError(h.postJson("/api/ask", "{\"question\": \"What role should the ruble play?\", \"documents\": [\"cis\"]}"),
                    400, "unknown_document");
            assertEquals("answered", h.postJson("/api/ask", "{\"question\": \"What role should the ruble play?\", "
                    + "\"documents\": []}").json().get("outcome").asText());
            assertFalse(h.get("/api/health").json().has("documents"), "the single-document health is unchanged");
        }
    }
}
