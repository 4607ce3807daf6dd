package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One access-log line per request, whatever became of it, with the question only when asked for. */
class AccessLogTest {

    private static final Pattern LINE = Pattern.compile("time=(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z) "
            + "id=([0-9a-f]{8}) method=([A-Z]+) route=(\\S+) status=(\\d{3}) ms=(\\d+\\.\\d)( question=\"(.*)\")?");

    private record Line(String id, String method, String route, int status, double ms, String question) {
        static Line parse(String text) {
            Matcher m = LINE.matcher(text);
            assertTrue(m.matches(), "not an access-log line: " + text);
            return new Line(m.group(2), m.group(3), m.group(4), Integer.parseInt(m.group(5)), Double.parseDouble(m.group(6)),
                    m.group(8));
        }
    }

    private static Server start(ServerSettings settings, BlockingQueue<String> log) {
        return Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, settings,
                new Monitoring(RequestMetrics.NONE, log::add));
    }

    @Test
    void every_request_gets_one_line_with_its_id_route_status_and_time_and_never_the_question() throws Exception {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        List<Http.Reply> replies = new ArrayList<>();
        try (Server server = start(new ServerSettings(List.of(), 1, 4, 10, List.of()), log)) {
            Http http = new Http(server.port());
            replies.add(http.postJson("/api/ask", Http.question("What role should the ruble play?")));
            replies.add(http.stream(Http.question("What role should the ruble play?")));
            replies.add(http.postJson("/api/ask", "{\"question\": \"What role should the ruble play?\", \"bogus\": 1}"));
            replies.add(http.get("/api/paragraphs/8"));
            replies.add(http.get("/no/such/page"));
            replies.add(http.get("/"));
            // a burst of 4 and one more a minute: the four /api requests above spend it
            replies.add(http.get("/api/document"));
            MetricsTest.awaitLines(log, replies.size());
        }
        List<Line> lines = log.stream().map(Line::parse).toList();
        assertEquals(List.of("POST /api/ask 200", "POST /api/ask/stream 200", "POST /api/ask 400",
                        "GET /api/paragraphs/{label} 200", "GET unmatched 404", "GET static 200", "GET /api/document 429"),
                lines.stream().map(l -> l.method() + " " + l.route() + " " + l.status()).toList());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(replies.get(i).raw().headers().firstValue("X-Request-Id").orElseThrow(), lines.get(i).id(),
                    "the line names the id the client was given");
            assertTrue(lines.get(i).ms() >= 0);
        }
        assertTrue(log.stream().noneMatch(l -> l.contains("ruble") || l.contains("question=")), String.join("\n", log));
    }

    @Test
    void with_questions_logged_the_question_is_quoted_and_escaped_onto_the_one_line() throws Exception {
        BlockingQueue<String> log = new LinkedBlockingQueue<>();
        String question = "What \"role\"\nshould the ruble\\rouble play?";
        try (Server server = start(ServerSettings.open().withMonitoring(null, true), log)) {
            Http http = new Http(server.port());
            assertEquals(200, http.postJson("/api/ask", Http.question(question)).status());
            assertEquals(200, http.stream(Http.question("Which currency?")).status());
            assertEquals(404, http.get("/api/paragraphs/99999").status());
            MetricsTest.awaitLines(log, 3);
        }
        List<String> lines = new ArrayList<>(log);
        assertFalse(lines.get(0).contains("\n"));
        assertEquals("What \\\"role\\\"\\nshould the ruble\\\\rouble play?", Line.parse(lines.get(0)).question());
        assertEquals("Which currency?", Line.parse(lines.get(1)).question());
        assertEquals(null, Line.parse(lines.get(2)).question(), "a request that asks nothing shows no question");
    }
}
