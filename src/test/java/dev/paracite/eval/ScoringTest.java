package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-question metrics against values worked out by hand. */
class ScoringTest {

    private static final Document DOC = DocumentParser.parse("d", """
            1. The ruble should be a reserve currency.
            2. Borders are protected jointly.
            3. The treaty was signed on May 15, 1992.
            """);

    @Test
    void recall_at_k_is_the_share_of_gold_in_the_first_k() {
        assertEquals(0.0, Scoring.recallAt(List.of("3"), List.of("1", "2", "3"), 1));
        assertEquals(1.0, Scoring.recallAt(List.of("3"), List.of("1", "2", "3"), 5));
        assertEquals(0.5, Scoring.recallAt(List.of("1", "3"), List.of("1", "2", "3"), 2));
        assertEquals(0.0, Scoring.recallAt(List.of("1"), List.of(), 5));
    }

    @Test
    void mrr_is_one_over_the_rank_of_the_first_gold_within_k() {
        assertEquals(1.0 / 3, Scoring.mrrAt(List.of("3", "9"), List.of("1", "2", "3", "9"), 10), 1e-12);
        assertEquals(0.0, Scoring.mrrAt(List.of("3"), List.of("1", "2", "3"), 2));
    }

    @Test
    void citation_recall_and_precision_handle_multi_gold_acceptable_and_unknown_labels() {
        assertEquals(2.0 / 3, Scoring.citationRecall(List.of("1", "2", "3"), List.of("1", "3", "42")), 1e-12);
        // cited 1 (gold), 2 (acceptable), 42 (unknown): 2 of 3 are right
        assertEquals(2.0 / 3, Scoring.citationPrecision(List.of("1"), List.of("2"), List.of("1", "2", "42")), 1e-12);
        assertNull(Scoring.citationPrecision(List.of("1"), List.of(), List.of()), "no citations: undefined");
    }

    @Test
    void facts_count_groups_with_any_phrase_found_ignoring_case_and_punctuation() {
        List<List<String>> facts = List.of(List.of("May 15, 1992", "1992"), List.of("reserve currency"), List.of("NATO"));
        assertEquals(2, Scoring.factsFound(facts, "Signed on may 15 1992; a Reserve-Currency [1]."));
        assertEquals(0, Scoring.factsFound(facts, ""));
    }

    @Test
    void an_answered_question_citing_gold_passes_and_gets_every_metric() {
        EvalQuestion q = new EvalQuestion("q", "When was the treaty signed?", List.of(), List.of("3"), List.of(), true,
                List.of(List.of("1992")), "lookup", "");
        Response r = response(Outcome.ANSWERED, "The treaty was signed on May 15, 1992 [3].", List.of("3"), List.of("3", "1"));
        QuestionResult s = Scoring.score(q, DOC, r, 2.5, Shared.support());
        assertTrue(s.passed());
        assertEquals(1.0, s.recallAt1());
        assertEquals(1.0, s.citationRecall());
        assertEquals(1.0, s.citationPrecision());
        assertEquals(1, s.sentences());
        assertEquals(1, s.supportedSentences());
        assertEquals(1, s.citations());
        assertEquals(1, s.supportingCitations());
        assertEquals(1, s.factsFound());
        assertEquals(0, s.invalidCitations());
        assertEquals(2.5, s.latencyMs());
    }

    @Test
    void an_empty_refusal_of_an_answerable_question_fails_with_its_reason() {
        EvalQuestion q = new EvalQuestion("q", "Borders?", List.of(), List.of("2"), List.of(), true, List.of(), "lookup", "");
        QuestionResult s = Scoring.score(q, DOC, response(Outcome.NOT_IN_DOCUMENT, "", List.of(), List.of("2")), 1,
                Shared.support());
        assertFalse(s.passed());
        assertEquals("said not in the document", s.failure());
        assertEquals(0.0, s.citationRecall());
        assertNull(s.citationPrecision());
        assertEquals(0, s.sentences());
    }

    @Test
    void answering_an_unanswerable_question_fails_and_counts_unknown_and_unsupported_citations() {
        EvalQuestion q = new EvalQuestion("q", "Budget?", List.of(), List.of(), List.of(), false, List.of(), "unanswerable", "");
        Response r = response(Outcome.ANSWERED, "The budget is 5 billion [1]. Borders are protected jointly [42].",
                List.of("1", "42"), List.of("1"));
        QuestionResult s = Scoring.score(q, DOC, r, 1, Shared.support());
        assertFalse(s.passed());
        assertNull(s.recallAt1());
        assertNull(s.citationRecall());
        assertEquals(0.0, s.citationPrecision());
        assertEquals(1, s.invalidCitations());
        assertEquals(2, s.sentences());
        assertEquals(0, s.supportedSentences(), "paragraph 42 does not exist; paragraph 1 says nothing of budgets");
        assertEquals(0, s.supportingCitations());
        assertEquals(2, s.citations());
    }

    @Test
    void citing_gold_without_the_key_fact_fails() {
        EvalQuestion q = new EvalQuestion("q", "When was the treaty signed?", List.of(), List.of("3"), List.of(), true,
                List.of(List.of("May 15, 1992")), "lookup", "");
        QuestionResult s = Scoring.score(q, DOC, response(Outcome.ANSWERED, "A treaty was signed [3].", List.of("3"),
                List.of("3")), 1, Shared.support());
        assertFalse(s.passed());
        assertEquals("cited a gold paragraph but the answer lacks 1 of 1 key facts", s.failure());
    }

    /** A response whose statements are the answer's sentences, each citing the labels in its markers. */
    private static Response response(Outcome outcome, String answer, List<String> cited, List<String> retrieved) {
        List<Response.Statement> statements = new java.util.ArrayList<>();
        int from = 0;
        for (String sentence : dev.paracite.text.Sentences.of(answer)) {
            int start = answer.indexOf(sentence, from);
            from = start + sentence.length();
            List<Response.SpanCitation> citations = dev.paracite.assistant.CitationMarker.find(sentence).stream()
                    .flatMap(m -> m.labels().stream()).map(l -> new Response.SpanCitation(l, 0, 0)).toList();
            statements.add(new Response.Statement(sentence.replaceAll("\\s*\\[[^\\]]*]", ""), start, from, citations));
        }
        return new Response(outcome, answer, statements,
                cited.stream().map(l -> new Response.Cited(l, "", "")).toList(),
                retrieved.stream().map(l -> new Response.Retrieved(l, "", 1.0, "")).toList(),
                List.of(), List.of(), "test", "d", new Response.Timings(0, 0, 0), null);
    }
}
