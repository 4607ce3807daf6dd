package dev.paracite.retrieval.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.RetrievalSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/** A Solr that is not there, or never answers, fails a search fast with a typed exception. */
class SolrUnavailableTest {

    @Test
    void nothing_listening_fails_at_once() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SolrTarget target = new SolrTarget(List.of("http://127.0.0.1:" + port + "/solr"), "paracite", Duration.ofSeconds(5));
        long start = System.nanoTime();
        try (SolrParagraphSearch search = SolrParagraphSearch.open(target, DocumentLoader.builtIn(), RetrievalSettings.BM25)) {
            assertThrows(IndexUnavailableException.class, () -> search.search("What role should the ruble play?", 5));
            assertEquals(new IndexStatus("solr", false), search.status());
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "took too long");
    }

    @Test
    void basic_auth_credentials_go_with_every_request_and_are_never_printed() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer solr = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        solr.createContext("/", exchange -> {
            seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        solr.start();
        try {
            SolrTarget target = SolrTarget.of(List.of("http://127.0.0.1:" + solr.getAddress().getPort() + "/solr"), "paracite")
                    .withCredentials("reader:s3cret");
            assertFalse(target.toString().contains("s3cret"), target.toString());
            try (SolrParagraphSearch search = SolrParagraphSearch.open(target, DocumentLoader.builtIn(), RetrievalSettings.BM25)) {
                assertThrows(SolrRefusedException.class, () -> search.search("What role should the ruble play?", 5));
            }
            String expected = "Basic " + Base64.getEncoder().encodeToString("reader:s3cret".getBytes(StandardCharsets.UTF_8));
            assertFalse(seen.isEmpty());
            assertEquals(List.of(expected), seen.stream().distinct().toList());
        } finally {
            solr.stop(0);
        }
    }

    /** As a node shutting down mid-request has answered: a 200 with a header and no result list. */
    @Test
    void an_answer_without_results_is_no_answer_not_a_crash() throws Exception {
        HttpServer solr = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        solr.createContext("/", exchange -> FakeSolr.answer(exchange, new NamedList<>()));
        solr.start();
        try {
            SolrTarget target = SolrTarget.of(List.of("http://127.0.0.1:" + solr.getAddress().getPort() + "/solr"), "paracite");
            try (SolrParagraphSearch search = SolrParagraphSearch.open(target, DocumentLoader.builtIn(), RetrievalSettings.BM25)) {
                IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
                        () -> search.search("What role should the ruble play?", 5));
                assertEquals("the node answered without results", e.getCause().getMessage());
                assertEquals(new IndexStatus("solr", false), search.status());
            }
        } finally {
            solr.stop(0);
        }
    }

    @Test
    void a_node_that_accepts_but_never_answers_times_out() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.start();
            SolrTarget target = new SolrTarget(List.of("http://127.0.0.1:" + silent.getLocalPort() + "/solr"), "paracite",
                    Duration.ofMillis(500));
            long start = System.nanoTime();
            try (SolrParagraphSearch search = SolrParagraphSearch.open(target, DocumentLoader.builtIn(), RetrievalSettings.BM25)) {
                assertThrows(IndexUnavailableException.class, () -> search.search("What role should the ruble play?", 5));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "took " + millis + " ms");
        }
    }
}
