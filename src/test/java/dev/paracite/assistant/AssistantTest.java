package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.Response.DroppedStatement;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline with scripted models: only statements a provided, cited paragraph supports are ever shown. */
class AssistantTest {

    private static final Document DOCUMENT = DocumentParser.parse("fixture", """
            Opening words.
            I. Money
            1. The ruble should become a reserve currency.
            2. Payment rules for currency markets are common.
            II. Borders
            3. Protect the border along the perimeter jointly.
            """);
    /** Retrieves all three paragraphs. */
    private static final Question ALL = Question.of("ruble payment border?");

    private final LuceneParagraphSearch search = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.BM25);
    private final AtomicReference<AnswerRequest> seen = new AtomicReference<>();
    private final List<String> deltas = new ArrayList<>();
    private final AnswerListener listener = new AnswerListener() {
        @Override
        public void retrieved(List<Response.Retrieved> retrieved) {
        }

        @Override
        public void delta(String text, Response.Statement statement) {
            deltas.add(text);
        }
    };

    @AfterEach
    void close() {
        search.close();
    }

    private Assistant assistant(AnswerModel model, AnswerModel fallback) {
        return new Assistant(new Retriever(DOCUMENT, search), model, fallback, FollowUp.INSTANCE, Shared.support());
    }

    private Assistant assistant(Draft draft) {
        return assistant(ScriptedModel.answering(request -> {
            seen.set(request);
            return draft;
        }), null);
    }

    private Response ask(String answer) {
        return assistant(Draft.answer(answer)).ask(ALL);
    }

    @Test
    void a_supported_statement_is_answered_with_the_passage_it_cites() {
        Response r = ask("It should become a reserve currency [1].");
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("It should become a reserve currency [1].", r.answer());
        assertEquals(List.of(new Response.Statement("It should become a reserve currency.", 0, 40,
                List.of(new Response.SpanCitation("1", 0, 43)))), r.statements());
        assertEquals(List.of(new Response.Cited("1", "I. Money", "The ruble should become a reserve currency.")),
                r.citations());
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
    void an_invented_sentence_beside_a_supported_one_is_dropped() {
        Response r = ask("The ruble should become a reserve currency [1]. Russia will also annex the Moon by 2031.");
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("The ruble should become a reserve currency [1].", r.answer());
        assertEquals(List.of(new DroppedStatement("Russia will also annex the Moon by 2031.", "uncited")),
                r.droppedStatements());
    }

    @Test
    void a_real_citation_of_a_paragraph_that_says_nothing_of_the_kind_is_withheld() {
        Response r = ask("Russia will annex the Moon by 2031 [3].");
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Assistant.UNGROUNDED, r.answer());
        assertEquals(List.of(), r.statements());
        assertEquals(List.of(), r.citations());
        assertEquals(List.of(new DroppedStatement("Russia will annex the Moon by 2031.", "unsupported")),
                r.droppedStatements());
    }

    @Test
    void an_uncited_statement_stands_only_when_a_neighbouring_citation_supports_it() {
        Response r = ask("Payment rules for currency markets are common [2]. These payment rules are common to "
                + "currency markets. The Moon is made of cheese.");
        assertEquals("Payment rules for currency markets are common [2]. These payment rules are common to currency "
                + "markets.", r.answer());
        assertEquals(List.of(new Response.SpanCitation("2", 0, 46)), r.statements().get(1).citations());
        assertEquals(List.of(new DroppedStatement("The Moon is made of cheese.", "uncited")), r.droppedStatements());
    }

    @Test
    void statements_citing_only_unknown_or_unretrieved_paragraphs_are_dropped_with_their_citations() {
        Response r = assistant(Draft.answer("Borders are protected jointly [3]. The ruble is a reserve currency [42]."))
                .ask(Question.of("Who protects the border?"));
        assertEquals("Borders are protected jointly [3].", r.answer());
        assertEquals(List.of(new DroppedStatement("The ruble is a reserve currency.", "cites_unprovided")),
                r.droppedStatements());
        assertEquals(List.of(new Response.DroppedCitation("42", Grounder.UNKNOWN)), r.droppedCitations());
    }

    @Test
    void a_citation_that_does_not_support_its_statement_is_removed_from_a_kept_one() {
        Response r = ask("The ruble should become a reserve currency [1, 3].");
        assertEquals("The ruble should become a reserve currency [1].", r.answer());
        assertEquals(List.of(new Response.DroppedCitation("3", Grounder.NOT_SUPPORTING)), r.droppedCitations());
    }

    @Test
    void an_uncited_answer_is_withheld() {
        Response r = ask("The ruble is great.");
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals(Assistant.UNGROUNDED, r.answer());
    }

    @Test
    void a_decline_is_shown_as_written_with_no_citations() {
        Response r = assistant(Draft.decline("Not covered; closest is 1.")).ask(ALL);
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals("Not covered; closest is 1.", r.answer());
        assertEquals(List.of(), r.droppedStatements());
    }

    @Test
    void a_reference_to_a_missing_paragraph_is_answered_without_asking_the_model() {
        Response r = assistant(Draft.answer("must not be used [1].")).ask(Question.of("What does paragraph 42 say?"));
        assertEquals(Outcome.NOT_IN_DOCUMENT, r.outcome());
        assertEquals("The document has no paragraph 42; it has the preamble and paragraphs 1-3.", r.answer());
        assertNull(seen.get());
    }

    @Test
    void a_missing_reference_beside_a_real_one_is_noted_beside_the_answer() {
        Response r = assistant(Draft.answer("Borders are protected [3].")).ask(Question.of("Compare paragraph 3 and paragraph 9"));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("Borders are protected [3].", r.answer());
        assertEquals("The document has no paragraph 9; it has the preamble and paragraphs 1-3.", r.notice());
    }

    @Test
    void streaming_sends_only_checked_statements_and_they_make_up_the_answer() {
        Response r = assistant(ScriptedModel.streaming(List.of("The ruble should bec", "ome a reserve cur", "rency [",
                "1]. Russia will also annex the Moon by 2031", ". Payment rules for currency markets are common [2]."),
                null), null).ask(ALL, listener);
        assertEquals(List.of("The ruble should become a reserve currency [1].",
                " Payment rules for currency markets are common [2]."), deltas);
        assertEquals(String.join("", deltas), r.answer());
        assertTrue(deltas.stream().noneMatch(d -> d.contains("Moon")));
    }

    @Test
    void an_unfinished_answer_loses_its_last_statement_and_says_so() {
        Response r = assistant(Draft.unfinished("The ruble should become a reserve currency [1]. Moscow will annex")).ask(ALL);
        assertEquals("The ruble should become a reserve currency [1].", r.answer());
        assertEquals(List.of(new DroppedStatement("Moscow will annex", "unfinished")), r.droppedStatements());
        assertEquals(Assistant.STOPPED_EARLY, r.notice());
    }

    @Test
    void a_model_failing_before_anything_was_shown_is_replaced_by_the_fallback() {
        ModelUnavailableException down = new ModelUnavailableException("openai", 500, false, "The openai model server answered HTTP 500.", null);
        Response r = assistant(ScriptedModel.streaming(List.of("Moscow will annex"), down),
                ScriptedModel.answering(request -> Draft.answer("The ruble should become a reserve currency [1]."))).ask(ALL, listener);
        assertEquals("scripted", r.model());
        assertEquals("The ruble should become a reserve currency [1].", r.answer());
        assertEquals(List.of("The ruble should become a reserve currency [1]."), deltas);
        assertEquals("The streaming model was unavailable (The openai model server answered HTTP 500.); the built-in "
                + "scripted model answered instead.", r.notice());
    }

    @Test
    void a_model_failing_after_a_statement_was_shown_ends_there_without_a_spliced_fallback() {
        ModelUnavailableException cut = new ModelUnavailableException("openai", 0, false, "cut off", null);
        Response r = assistant(ScriptedModel.streaming(List.of("The ruble should become a reserve currency [1]. ",
                "Payment rules for currency markets are common [2]. Moscow will"), cut),
                ScriptedModel.answering(request -> Draft.answer("Protect the border [3]."))).ask(ALL, listener);
        assertEquals("streaming", r.model());
        assertEquals("The ruble should become a reserve currency [1]. Payment rules for currency markets are common [2].",
                r.answer());
        assertEquals(r.answer(), String.join("", deltas));
        assertEquals(Assistant.STOPPED_EARLY, r.notice());
        assertFalse(r.answer().contains("border"));
    }

    @Test
    void without_a_fallback_a_model_failing_before_anything_was_shown_is_an_error() {
        ModelUnavailableException down = new ModelUnavailableException("openai", 0, true, "busy", null);
        assertThrows(ModelUnavailableException.class,
                () -> assistant(ScriptedModel.streaming(List.of("Moscow"), down), null).ask(ALL, listener));
        assertEquals(List.of(), deltas);
    }
}
