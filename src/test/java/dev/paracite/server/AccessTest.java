package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
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
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Access keys, the rate limit, CORS, the cap on answers in flight, and the security headers. */
class AccessTest {

    private static Server start(ServerSettings settings) {
        return Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, settings);
    }

    private static HttpRequest.Builder get(Server server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
    }

    @Test
    void with_keys_the_api_needs_a_bearer_key_and_says_nothing_more() {
        try (Server server = start(new ServerSettings(List.of("k-one", "k-two"), 0, 0, 10, List.of()))) {
            Http http = new Http(server.port());
            Http.Reply none = http.get("/api/paragraphs");
            ServerErrorsTest.assertError(none, 401, "unauthorized");
            assertEquals("An access key is needed: send Authorization: Bearer <key>.", none.json().get("message").asText());
            ServerErrorsTest.assertError(http.send(get(server, "/api/paragraphs").header("Authorization", "Bearer k-on")),
                    401, "unauthorized");
            ServerErrorsTest.assertError(http.send(get(server, "/api/paragraphs").header("Authorization", "Basic k-one")),
                    401, "unauthorized");
            assertEquals(200, http.send(get(server, "/api/paragraphs").header("Authorization", "Bearer k-two")).status());
            assertEquals(200, http.send(get(server, "/api/paragraphs").header("Authorization", "bearer k-two")).status(),
                    "the scheme is case-insensitive");
            assertEquals(200, http.send(get(server, "/api/paragraphs").header("Authorization", "BEARER k-one")).status());
            assertEquals(200, http.get("/api/health").status(), "health stays open for probes");
            assertEquals(200, http.get("/").status(), "the page loads and asks for the key");
            Http.Reply ask = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/ask"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer k-one")
                    .POST(HttpRequest.BodyPublishers.ofString(Http.question("What role should the ruble play?"))));
            assertEquals(200, ask.status());
        }
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after() {
        try (Server server = start(new ServerSettings(List.of(), 60, 5, 10, List.of()))) {
            Http http = new Http(server.port());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, http.get("/api/health").status(), "request " + (i + 1) + " is within the burst");
            }
            Http.Reply limited = http.get("/api/health");
            ServerErrorsTest.assertError(limited, 429, "rate_limited");
            assertEquals("1", limited.raw().headers().firstValue("Retry-After").orElseThrow());
            assertEquals(200, http.get("/").status(), "the page itself is not rate limited");
        }
    }

    @Test
    void cors_is_off_by_default_and_allows_only_configured_origins() {
        try (Server closed = start(ServerSettings.open())) {
            Http.Reply r = new Http(closed.port()).send(get(closed, "/api/health").header("Origin", "https://example.org"));
            assertFalse(r.raw().headers().firstValue("Access-Control-Allow-Origin").isPresent());
        }
        try (Server open = start(new ServerSettings(List.of(), 0, 0, 10, List.of("https://intranet.example")))) {
            Http http = new Http(open.port());
            Http.Reply allowed = http.send(get(open, "/api/health").header("Origin", "https://intranet.example"));
            assertEquals("https://intranet.example", allowed.raw().headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            Http.Reply other = http.send(get(open, "/api/health").header("Origin", "https://evil.example"));
            assertFalse(other.raw().headers().firstValue("Access-Control-Allow-Origin").isPresent());
            Http.Reply preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port() + "/api/ask"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://intranet.example")
                    .header("Access-Control-Request-Method", "POST"));
            assertEquals(204, preflight.status());
            assertTrue(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
        }
    }

    @Test
    void the_page_and_the_api_carry_the_security_headers() {
        try (Server server = start(ServerSettings.open())) {
            Http http = new Http(server.port());
            for (String path : List.of("/", "/app.js", "/api/health", "/api/nothing")) {
                Http.Reply r = http.get(path);
                String csp = r.raw().headers().firstValue("Content-Security-Policy").orElse("");
                assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
                assertTrue(csp.contains("frame-ancestors 'none'"), path);
                assertEquals("nosniff", r.raw().headers().firstValue("X-Content-Type-Options").orElse(""), path);
                assertEquals("no-referrer", r.raw().headers().firstValue("Referrer-Policy").orElse(""), path);
            }
            String page = http.get("/").body();
            assertFalse(page.contains("<script>") || page.contains(" style=") || page.contains(" onclick="),
                    "no inline script, style or handlers");
        }
    }

    @Test
    void answers_beyond_the_cap_get_503_at_once() throws Exception {
        Document document = DocumentLoader.builtIn();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AnswerModel slow = ScriptedModel.answering(request -> {
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Draft.answer("Slow [8].");
        });
        Assistant assistant = new Assistant(new Retriever(document, LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, Shared.embedder())), slow, Shared.support());
        try (Server server = Server.start(assistant, "127.0.0.1", 0, new ServerSettings(List.of(), 0, 0, 1, List.of()))) {
            Http http = new Http(server.port());
            CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(
                    () -> http.postJson("/api/ask", Http.question("What role should the ruble play?")));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Http.Reply second = http.postJson("/api/ask", Http.question("What role should the ruble play?"));
            ServerErrorsTest.assertError(second, 503, "busy");
            assertEquals(200, http.get("/api/health").status(), "other endpoints are not capped");
            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
            assertEquals(200, http.postJson("/api/ask", Http.question("What role should the ruble play?")).status());
        }
    }

    /** A POST /api/ask from a given loopback source address, read raw: the status line's code. */
    private static int askFrom(String source, int port) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(source, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            dev.paracite.RawHttp.postJson(socket, "/api/ask", "", "Connection: close\r\n",
                    Http.question("What role should the ruble play?"));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void one_address_flooding_gets_429_while_another_keeps_getting_answers() throws Exception {
        Document document = DocumentLoader.builtIn();
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.Semaphore inside = new java.util.concurrent.Semaphore(0);
        AnswerModel slow = ScriptedModel.answering(request -> {
            inside.release();
            try {
                if (request.question().contains("flood")) {
                    release.await(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Draft.answer("The ruble should be a reserve currency [8].");
        });
        Assistant assistant = new Assistant(new Retriever(document, LuceneParagraphSearch.build(document,
                RetrievalSettings.DEFAULT, Shared.embedder())), slow, Shared.support());
        try (Server server = Server.start(assistant, "127.0.0.1", 0, new ServerSettings(List.of(), 0, 0, 8, List.of()))) {
            assertEquals(2, ServerSettings.defaultPerClient(8));
            Http http = new Http(server.port());
            List<CompletableFuture<Http.Reply>> flood = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                flood.add(CompletableFuture.supplyAsync(() -> http.postJson("/api/ask", Http.question("ruble flood?"))));
            }
            assertTrue(inside.tryAcquire(2, 30, TimeUnit.SECONDS), "the flood's first two answers are being written");
            for (int i = 0; i < 5; i++) {
                Http.Reply refused = http.postJson("/api/ask", Http.question("ruble flood?"));
                ServerErrorsTest.assertError(refused, 429, "too_many_answers");
                assertEquals("1", refused.raw().headers().firstValue("Retry-After").orElseThrow());
                assertEquals(200, askFrom("127.0.0.2", server.port()), "another address is still answered");
            }
            release.countDown();
            for (CompletableFuture<Http.Reply> f : flood) {
                assertEquals(200, f.get(30, TimeUnit.SECONDS).status());
            }
        }
    }
}
