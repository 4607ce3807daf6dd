package dev.paracite.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneParagraphSearchTest {

    static final Document FIXTURE = DocumentParser.parse("fixture", """
            I. Money
            1. The ruble should become a reserve currency.
            2. Payment rules for currency markets are common.
            II. Borders
            3. Protect the border along the perimeter.
            4. Troops guard every frontier post.
            5. The ruble and the border are both mentioned here.
            """);

    private final LuceneParagraphSearch search = LuceneParagraphSearch.build(FIXTURE, RetrievalSettings.BM25);

    @AfterEach
    void close() {
        search.close();
    }

    private List<String> labels(String question, int topK) {
        return search.search(question, topK).stream().map(Hit::label).toList();
    }

    @Test
    void ranks_paragraphs_by_bm25_and_returns_exactly_the_matching_ones() {
        assertEquals(List.of("1", "5"), labels("ruble", 10));
        assertEquals(List.of("1"), labels("ruble", 1));
    }

    @Test
    void stems_and_drops_possessives_so_plurals_and_inflections_match() {
        assertEquals(List.of("3", "5"), labels("borders", 10).subList(0, 2).stream().sorted().toList());
        assertEquals("3", labels("protecting", 10).get(0));
        assertEquals(List.of("1", "5"), labels("the ruble’s role", 10));
    }

    @Test
    void query_syntax_in_a_question_is_plain_text() {
        List<String> plain = labels("what about borders", 10);
        assertEquals(plain, labels("what \"about\" (borders) AND:* ~2 -x?", 10));
        assertEquals(plain, labels("borders?! (AND) OR:NOT ~ * ^ [ TO ] {} \\ / && ||", 10));
        assertEquals(List.of(), labels("\"*?:~-()", 10));
    }

    @Test
    void question_words_alone_retrieve_nothing() {
        assertEquals(List.of(), labels("What does it say about this?", 10));
    }

    @Test
    void a_term_the_document_lacks_is_searched_by_its_near_synonyms() {
        Document members = DocumentParser.parse("members", """
                1. Members support each other in hard times.
                2. Members pay a fee every year.
                """);
        try (LuceneParagraphSearch s = LuceneParagraphSearch.build(members, RetrievalSettings.BM25)) {
            assertEquals(List.of("1"), s.search("Who assists in hard times?", 10).stream().map(Hit::label).toList());
            assertEquals(List.of(), s.search("zeppelin", 10));
        }
        try (LuceneParagraphSearch s = LuceneParagraphSearch.build(members, RetrievalSettings.BM25.withSynonyms(false))) {
            assertEquals(List.of(), s.search("assists", 10), "without synonyms.txt the word stands for itself only");
        }
    }

    @Test
    void a_section_title_match_ranks_below_a_paragraph_text_match() {
        List<Hit> hits = search.search("borders", 10);
        assertEquals(List.of("3", "5", "4"), hits.stream().map(Hit::label).toList());
        assertTrue(hits.get(2).score() < hits.get(1).score());
    }

    @Test
    void equal_scores_keep_document_order() {
        Document twins = DocumentParser.parse("twins", "1. Same words here.\n2. Same words here too.\n3. Same words here.\n");
        try (LuceneParagraphSearch s = LuceneParagraphSearch.build(twins, RetrievalSettings.BM25)) {
            List<Hit> hits = s.search("same words", 10);
            assertEquals(hits.get(0).score(), hits.get(1).score());
            assertEquals(List.of("1", "3", "2"), hits.stream().map(Hit::label).toList());
        }
    }

    @Test
    void idf_is_highest_for_terms_no_paragraph_has() {
        Terms terms = search.terms();
        assertTrue(terms.idf("zzz") > terms.idf("rubl"));
        assertTrue(terms.idf("troop") > terms.idf("border"));
    }
}
