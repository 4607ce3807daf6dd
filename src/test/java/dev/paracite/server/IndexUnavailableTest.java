package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.paracite.Shared;
import dev.paracite.assistant.Assistant;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.retrieval.Terms;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A search index on other machines that cannot be reached: 503 index_unavailable, never a 500 or a hang. */
class IndexUnavailableTest {

    /** Lucene's terms, and a search that always finds the index gone, as SolrParagraphSearch does then. */
    private static final class UnreachableSearch implements ParagraphSearch {
        private final LuceneParagraphSearch terms;

        UnreachableSearch(Document document) {
            this.terms = LuceneParagraphSearch.build(document, RetrievalSettings.BM25);
        }

        @Override
        public List<Hit> search(String question, int topK) {
            throw new IndexUnavailableException("Solr did not answer the search at http://10.0.0.9:8983/solr",
                    new ConnectException("Connection refused"));
        }

        @Override
        public IndexStatus status() {
            return new IndexStatus("solr", false);
        }

        @Override
        public Terms terms() {
            return terms.terms();
        }

        @Override
        public void close() {
            terms.close();
        }
    }

    private static Server server;
    private static Http http;
    private static OpenApiContract contract;

    @BeforeAll
    static void start() {
        Document document = DocumentLoader.builtIn();
        UnreachableSearch search = new UnreachableSearch(document);
        Assistant assistant = new Assistant(new Retriever(document, search),
                new ExtractiveModel(search.terms(), Shared.embedder()), Shared.support());
        server = Server.start(assistant, "127.0.0.1", 0, ServerSettings.open());
        http = new Http(server.port());
        contract = OpenApiContract.of(http.get(ApiDescription.PATH).body());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void health_says_degraded_and_names_the_index() {
        Http.Reply r = http.get("/api/health");
        assertEquals(200, r.status(), "a probe still gets an answer");
        assertEquals("degraded", r.json().get("status").asText());
        assertEquals("solr", r.json().get("index").asText());
        contract.check("GET", "/api/health", r.raw());
    }

    @Test
    void an_ask_is_503_index_unavailable_with_retry_after_and_no_address() {
        Http.Reply r = http.postJson("/api/ask", Http.question("What role should the ruble play?"));
        ServerErrorsTest.assertError(r, 503, "index_unavailable");
        assertEquals("5", r.raw().headers().firstValue("Retry-After").orElse(""));
        assertFalse(r.body().contains("10.0.0.9"), r.body());
        contract.check("POST", "/api/ask", r.raw());
    }

    @Test
    void a_stream_ends_with_an_index_unavailable_error_event() throws Exception {
        Http.Reply r = http.stream(Http.question("What role should the ruble play?"));
        List<Http.Event> events = Http.events(r.body());
        assertEquals("error", events.get(events.size() - 1).name());
        assertEquals("index_unavailable", events.get(events.size() - 1).data().get("error").asText());
        contract.check("POST", "/api/ask/stream", r.raw());
    }

    @Test
    void the_openai_endpoint_says_so_in_openais_shape() {
        Http.Reply r = http.postJson("/v1/chat/completions",
                "{\"model\": \"paracite\", \"messages\": [{\"role\": \"user\", \"content\": \"What role should the ruble play?\"}]}");
        assertEquals(503, r.status(), r.body());
        assertEquals("index_unavailable", r.json().get("error").get("code").asText());
        contract.check("POST", "/v1/chat/completions", r.raw());
    }
}
