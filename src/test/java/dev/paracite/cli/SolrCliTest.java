package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --index solr} and {@code solr init} without a SolrCloud: usage errors and an unreachable index (SolrCloudIT has one). */
class SolrCliTest {

    private String out = "";
    private String err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, Map.of(), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), Main::assistant, (assistant, server) -> 0);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/solr";
        }
    }

    @Test
    void index_solr_needs_a_url() {
        assertEquals(Cli.BAD_INPUT, run("ask", "--index", "solr", "--retrieval", "bm25", "What role should the ruble play?"));
        assertTrue(err.contains("--index solr needs SolrCloud: give --solr-url URL or set PARACITE_SOLR_URL."), err);
    }

    @Test
    void hybrid_retrieval_the_default_is_served_by_solr_too() throws IOException {
        // accepted: what stops it is the Solr that is not there, not the retrieval
        assertEquals(Cli.MODEL_UNAVAILABLE, run("ask", "--index", "solr", "--solr-url", closedPort(),
                "What role should the ruble play?"));
        assertTrue(err.startsWith("paracite: Solr did not answer"), err);
    }

    @Test
    void a_url_that_is_not_http_is_a_usage_error() {
        assertEquals(Cli.BAD_INPUT, run("solr", "init", "--solr-url", "localhost:8983"));
        assertTrue(err.contains("--solr-url: localhost:8983 is not an http:// or https:// URL"), err);
    }

    @Test
    void an_unreachable_solr_fails_the_ask_at_once_with_exit_5() throws IOException {
        long start = System.nanoTime();
        assertEquals(Cli.MODEL_UNAVAILABLE, run("ask", "--index", "solr", "--retrieval", "bm25", "--solr-url", closedPort(),
                "What role should the ruble play?"));
        assertTrue(err.startsWith("paracite: Solr did not answer"), err);
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long");
    }

    @Test
    void solr_init_against_an_unreachable_solr_says_so() throws IOException {
        assertEquals(Cli.MODEL_UNAVAILABLE, run("solr", "init", "--solr-url", closedPort()));
        assertTrue(err.startsWith("paracite: Solr did not answer the configset list"), err);
        assertEquals("", out);
    }
}
