package dev.paracite.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Shared;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ExtractiveModelTest {

    private static final Document DOCUMENT = DocumentParser.parse("fixture", """
            I. Money
            1. To consider payment relations important. Use the ruble as a reserve currency in the future.
            2. The main objectives of the policy:
            stability in all its dimensions;
            integration of the economies;
            protection of the rights of citizens.
            II. Security
            3. Create collective security under the Treaty of May 15, 1992. Encourage a defence alliance.
            4. Protect the borders along the perimeter. Troops guard the frontier posts.
            5. Peacekeeping settles conflicts with the UN and the OSCE.
            6. Positions are agreed in the UN and the OSCE.
            """);
    private static final LuceneParagraphSearch SEARCH = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.DEFAULT, Shared.embedder());
    private static final Retriever RETRIEVER = new Retriever(DOCUMENT, SEARCH);
    private static final ExtractiveModel MODEL = new ExtractiveModel(SEARCH.terms());

    @AfterAll
    static void close() {
        SEARCH.close();
    }

    private static Draft ask(String question) {
        return MODEL.answer(new AnswerRequest(question, RETRIEVER.retrieve(question, 5)));
    }

    @Test
    void quotes_the_sentence_that_answers_with_its_marker() {
        Draft d = ask("What role should the ruble play?");
        assertEquals("Use the ruble as a reserve currency in the future [1].", d.text());
        assertFalse(d.declined());
    }

    @Test
    void quotes_a_whole_list_when_asked_about_the_list() {
        assertEquals("The main objectives of the policy: stability in all its dimensions; integration of the economies; "
                + "protection of the rights of citizens [2].", ask("What are the main objectives of the policy?").text());
    }

    @Test
    void quotes_one_item_with_its_lead_in_when_asked_about_the_item() {
        assertEquals("The main objectives of the policy: protection of the rights of citizens [2].",
                ask("Which objective concerns the rights of citizens?").text());
    }

    @Test
    void quotes_every_paragraph_that_answers_the_whole_question_in_document_order() {
        assertEquals("Peacekeeping settles conflicts with the UN and the OSCE [5]. Positions are agreed in the UN and the OSCE [6].",
                ask("What about the UN and the OSCE?").text());
    }

    @Test
    void declines_when_the_question_is_about_something_else_and_names_the_closest_paragraphs() {
        Draft d = ask("What is the capital of France?");
        assertTrue(d.declined());
        assertEquals("The document does not give an answer to this question, and no paragraph shares its terms.", d.text());
        Draft near = ask("What is the budget for border troops?");
        assertTrue(near.declined());
        assertEquals("The document does not give an answer to this question; the closest paragraph is 4.", near.text());
    }

    @Test
    void a_when_question_needs_a_date_in_the_answer() {
        assertEquals("Create collective security under the Treaty of May 15, 1992 [3].",
                ask("When was the treaty on collective security signed?").text());
        Draft d = ask("When will the ruble become a reserve currency?");
        assertTrue(d.declined());
        assertEquals("The document does not give a date for this; the closest paragraph is 1.", d.text());
    }

    @Test
    void a_how_many_question_needs_a_figure_in_the_answer() {
        assertTrue(ask("How many troops guard the frontier posts?").declined());
    }

    @Test
    void a_bare_paragraph_reference_is_answered_with_its_opening() {
        assertEquals("To consider payment relations important [1]. Use the ruble as a reserve currency in the future [1].",
                ask("What does paragraph 1 say?").text());
    }

    @Test
    void a_question_of_only_question_words_is_declined() {
        Draft d = ask("What does it say?");
        assertTrue(d.declined());
    }

    @Test
    void a_synonym_of_a_missing_word_counts_as_that_word() {
        assertEquals("Protect the borders along the perimeter [4].", ask("How are the frontiers along the perimeter protected?").text());
    }
}
