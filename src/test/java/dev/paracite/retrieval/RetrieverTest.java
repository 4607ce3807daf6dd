package dev.paracite.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class RetrieverTest {

    private static final Document DOCUMENT = DocumentLoader.builtIn();
    private static final LuceneParagraphSearch SEARCH = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.BM25);
    private static final Retriever RETRIEVER = new Retriever(DOCUMENT, SEARCH);

    @AfterAll
    static void close() {
        SEARCH.close();
    }

    private static List<String> labels(Retrieval r) {
        return r.hits().stream().map(Hit::label).toList();
    }

    @Test
    void named_paragraphs_come_first_then_bm25_fills_up_to_top_k() {
        Retrieval r = RETRIEVER.retrieve("What does paragraph 20 say about Russia's interests?", 3);
        assertEquals(3, r.hits().size());
        assertEquals("20", r.hits().get(0).label());
        assertTrue(r.hits().get(0).referenced());
        assertFalse(r.hits().get(1).referenced() || r.hits().get(2).referenced());
        assertEquals(3, labels(r).stream().distinct().count());
    }

    @Test
    void all_named_paragraphs_are_kept_even_beyond_top_k() {
        Retrieval r = RETRIEVER.retrieve("Summarize section I", 2);
        assertEquals(List.of("1", "2", "3", "4"), labels(r));
    }

    @Test
    void named_paragraphs_are_capped() {
        Retrieval r = RETRIEVER.retrieve("paragraphs 1-24", 5);
        assertEquals(Retriever.MAX_REFERENCED, r.hits().size());
    }

    @Test
    void plain_questions_get_top_k_hits_by_score() {
        Retrieval r = RETRIEVER.retrieve("reserve currency ruble", 5);
        assertEquals("8", r.hits().get(0).label());
        assertTrue(r.hits().size() <= 5);
        for (int i = 1; i < r.hits().size(); i++) {
            assertTrue(r.hits().get(i - 1).score() >= r.hits().get(i).score());
        }
    }
}
