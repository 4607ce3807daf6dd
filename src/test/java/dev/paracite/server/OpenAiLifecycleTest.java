package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.RawHttp;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.llm.ModelSettings;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What holds for /api/* holds for /v1/*: access keys, the cap on answers, clients that leave, shutdown. */
class OpenAiLifecycleTest {

    private static final String STREAMED = OpenAiEndpointTest.RUBLE.formatted(", \"stream\": true");
    @Test
    void with_access_keys_v1_needs_a_bearer_key_and_refuses_in_openai_s_shape() {
        try (Server server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0,
                new ServerSettings(List.of("k-one"), 0, 0, 10, List.of()))) {
            Http http = new Http(server.port());
            JsonNode refused = OpenAiEndpointTest.assertOpenAiError(http.get("/v1/models"), 401, "authentication_error",
                    "unauthorized");
            assertEquals("An access key is needed: send Authorization: Bearer <key>.", refused.get("message").asText());
            OpenAiEndpointTest.assertOpenAiError(http.postJson("/v1/chat/completions", OpenAiEndpointTest.RUBLE.formatted("")),
                    401, "authentication_error", "unauthorized");
            HttpRequest.Builder keyed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/chat/completions")).header("Authorization", "Bearer k-one").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(OpenAiEndpointTest.RUBLE.formatted("")));
            assertEquals(200, http.send(keyed).status());
        }
    }

    /** A server whose model server takes each request and never answers, with room for {@code maxAnswering} answers. */
    private static Server silent(SilentModel model, ServerSettings settings) {
        return Server.start(Main.assistant(DocumentLoader.builtIn(), new ModelSettings("openai", model.baseUrl(), "k",
                "gpt-test", 0, 300, Duration.ofSeconds(60), 2, false, null, Duration.ofSeconds(60))), "127.0.0.1", 0,
                settings);
    }

    @Test
    void a_stream_beyond_the_cap_gets_503_and_a_stream_open_at_shutdown_ends_with_an_openai_error_chunk() throws Exception {
        try (SilentModel model = new SilentModel()) {
            Server server = silent(model, new ServerSettings(List.of(), 0, 0, 1, List.of()).withDrain(Duration.ofMillis(300)));
            Http http = new Http(server.port());
            CompletableFuture<Http.Reply> stream = CompletableFuture.supplyAsync(
                    () -> http.postJson("/v1/chat/completions", STREAMED));
            assertTrue(model.awaitRequests(1, 30), "the model was called");
            Http.Reply busy = http.postJson("/v1/chat/completions", STREAMED);
            OpenAiEndpointTest.assertOpenAiError(busy, 503, "server_error", "busy");
            assertEquals("1", busy.raw().headers().firstValue("Retry-After").orElseThrow());
            assertFalse(server.stop(), "the stream could not finish within the drain time");
            String body = stream.get(30, TimeUnit.SECONDS).body();
            List<JsonNode> chunks = OpenAiEndpointTest.chunks(body);
            JsonNode last = chunks.get(chunks.size() - 1);
            assertEquals("shutting_down", last.get("error").get("code").asText(), body);
            assertEquals("server_error", last.get("error").get("type").asText());
            assertFalse(body.contains("[DONE]"), "an error ends the stream without [DONE]");
            assertEquals("assistant", chunks.get(0).get("choices").get(0).get("delta").get("role").asText());
        }
    }

    @Test
    void a_client_that_leaves_a_stream_cancels_the_model_call_and_frees_its_place() throws Exception {
        try (SilentModel model = new SilentModel();
             Server server = silent(model, ServerSettings.defaults())) {
            long left;
            try (Socket client = new Socket("127.0.0.1", server.port())) {
                RawHttp.postJson(client, "/v1/chat/completions", "", "", STREAMED);
                assertTrue(model.awaitRequests(1, 30), "the model was called");
                left = System.nanoTime();
            }
            assertTrue(model.awaitCloses(1, 30), "the model call was never closed");
            double cancelled = (model.connections().get(0).closedNanos - left) / 1e9;
            assertTrue(cancelled < 1.0, "the model call was closed " + cancelled + " s after the client left");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, server.inFlight(), "the answering place was given back");
            assertEquals(1, model.requested(), "no retry for a client that left");
        }
    }
}
