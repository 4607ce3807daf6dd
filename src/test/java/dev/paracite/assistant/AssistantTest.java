package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline with a scripted model: whatever the model writes, only provided paragraphs are cited. */
class AssistantTest {

    private static final Document DOCUMENT = DocumentParser.parse("fixture", """
            Opening words.
            I. Money
            1. The ruble should become a reserve currency.
            2. Payment rules for currency markets are common.
            II. Borders
            3. Protect the border along the perimeter.
            """);

    private final LuceneParagraphSearch search = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.DEFAULT);
    private final AtomicReference<AnswerRequest> seen = new AtomicReference<>();

    @AfterEach
    void close() {
        search.close();
    }

    private Assistant assistant(Draft draft) {
        return new Assistant(new Retriever(DOCUMENT, search), ScriptedModel.answering(request -> {
            seen.set(request);
            return draft;
        }));
    }

    @Test
    void a_valid_citation_makes_an_answer_with_the_cited_paragraph() {
        Response r = assistant(Draft.answer("It should be a reserve currency [1].")).ask(Question.of("ruble?"));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("It should be a reserve currency [1].", r.answer());
        assertEquals(List.of(new Response.Cited("1", "I. Money", "The ruble should become a reserve currency.")),
                r.citations());
        assertEquals("1", r.retrieved().get(0).paragraph());
        assertEquals("scripted", r.model());
        assertEquals("fixture", r.document());
        assertTrue(r.timings().totalMs() >= r.timings().modelMs());
    }

    @Test
    void the_model_gets_the_question_and_the_retrieved_paragraphs() {
        assistant(Draft.answer("x [1].")).ask(new Question("What about the ruble?", 2));
        assertEquals("What about the ruble?", seen.get().question());
        assertEquals("1", seen.get().retrieval().hits().get(0).label());
    }

    @Test
    void an_answer_left_without_valid_citations_is_withheld_as_not_in_document() {
        Response r = assistant(Draft.answer("Borders matter [3]. Also [42].")).ask(Question.of("ruble?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Assistant.UNGROUNDED, r.answer());
        assertEquals(List.of(), r.citations());
        assertEquals(List.of(new Response.DroppedCitation("3", CitationCheck.NOT_PROVIDED),
                new Response.DroppedCitation("42", CitationCheck.UNKNOWN)), r.droppedCitations());
    }

    @Test
    void an_uncited_answer_is_withheld_too() {
        Response r = assistant(Draft.answer("The ruble is great.")).ask(Question.of("ruble?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Assistant.UNGROUNDED, r.answer());
    }

    @Test
    void a_decline_is_shown_as_written_with_no_citations() {
        Response r = assistant(Draft.decline("Not covered; closest is 1.")).ask(Question.of("ruble?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals("Not covered; closest is 1.", r.answer());
    }

    @Test
    void a_reference_to_a_missing_paragraph_is_answered_without_asking_the_model() {
        Response r = assistant(Draft.answer("must not be used [1].")).ask(Question.of("What does paragraph 42 say?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals("The document has no paragraph 42; it has the preamble and paragraphs 1-3.", r.answer());
        assertEquals(null, seen.get());
    }

    @Test
    void a_missing_reference_beside_a_real_one_is_noted_after_the_answer() {
        Response r = assistant(Draft.answer("Borders [3].")).ask(Question.of("Compare paragraph 3 and paragraph 9"));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("Borders [3]. The document has no paragraph 9; it has the preamble and paragraphs 1-3.", r.answer());
    }
}
