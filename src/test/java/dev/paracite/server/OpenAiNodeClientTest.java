package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official {@code openai} npm SDK, from src/test/node/openai-client/client.mjs, asking a running
 * Paracite with access keys on. Maven installs the SDK ({@code npm ci}) before the tests; without Node
 * this test fails, saying what to install.
 */
class OpenAiNodeClientTest {

    private static final Path CLIENT = Path.of("src/test/node/openai-client");
    private static final String KEY = "k-node";
    private static JsonNode result;

    @BeforeAll
    static void askThroughTheSdk() throws Exception {
        if (!Files.isDirectory(CLIENT.resolve("node_modules/openai"))) {
            fail("The openai SDK is not installed in " + CLIENT + ": Maven runs npm ci there when npm is on the PATH "
                    + "(install the Debian packages nodejs and npm, as .ci/run does).");
        }
        try (Server server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0,
                new ServerSettings(List.of(KEY), 0, 0, 10, List.of()))) {
            result = Http.json(node("client.mjs", "http://127.0.0.1:" + server.port() + "/v1", KEY,
                    "What role should the ruble play?"));
        }
    }

    /** Runs a script with Node; its standard output, or a failure naming what went wrong. */
    private static String node(String... args) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(List.of("node", args[0], args[1], args[2], args[3])).directory(CLIENT.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed for this test and is not on the PATH: install the Debian "
                    + "packages nodejs and npm (.ci/run does).", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("client.mjs did not finish within 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "client.mjs failed: " + text);
        return text;
    }

    @Test
    void the_sdk_reads_the_answer_with_its_markers_and_the_citations_on_the_message() {
        JsonNode completion = result.get("completion");
        assertEquals("assistant", completion.get("role").asText());
        assertEquals("stop", completion.get("finish").asText());
        OpenAiEndpointTest.assertCitesParagraph8(completion.get("content").asText(), completion.get("citations"));
        assertEquals(completion.get("citations"), completion.get("topLevel"));
    }

    @Test
    void the_sdk_streams_the_answer_and_reads_the_citations_from_the_last_chunk() {
        JsonNode stream = result.get("stream");
        assertEquals(result.get("completion").get("content"), stream.get("content"));
        assertTrue(stream.get("chunks").asInt() >= 3, "role, content, finish: " + stream);
        assertEquals("stop", stream.get("finish").asText());
        OpenAiEndpointTest.assertCitesParagraph8(stream.get("content").asText(), stream.get("citations"));
        assertEquals(stream.get("citations"), stream.get("deltaCitations"));
    }

    @Test
    void the_sdk_s_stream_helper_ends_with_the_citations_on_its_final_message() {
        JsonNode helper = result.get("helper");
        assertEquals(result.get("completion").get("content"), helper.get("content"));
        OpenAiEndpointTest.assertCitesParagraph8(helper.get("content").asText(), helper.get("citations"));
    }

    @Test
    void the_sdk_raises_its_api_error_with_the_server_s_status_and_sentence_for_a_wrong_key() {
        JsonNode refused = result.get("refused");
        assertTrue(refused.get("sdkError").asBoolean(), refused.toString());
        assertEquals(401, refused.get("status").asInt());
        assertEquals("authentication_error", refused.get("type").asText());
        assertEquals("unauthorized", refused.get("code").asText());
        assertEquals("An access key is needed: send Authorization: Bearer <key>.", refused.get("message").asText());
    }
}
