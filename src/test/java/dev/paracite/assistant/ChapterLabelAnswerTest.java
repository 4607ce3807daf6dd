package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.Shared;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A model answer citing chapter-qualified labels ({@code [II.1]}) is checked like any other. */
class ChapterLabelAnswerTest {

    private static final Document DOCUMENT = DocumentParser.parse("chapters", """
            Chapter I: Money
            1. The ruble should become a reserve currency.
            Chapter II: Borders
            1. Protect the border along the perimeter jointly.
            """);

    private final LuceneParagraphSearch search = LuceneParagraphSearch.build(DOCUMENT, RetrievalSettings.BM25);

    @AfterEach
    void close() {
        search.close();
    }

    private Response ask(String answer) {
        Assistant assistant = new Assistant(new Retriever(DOCUMENT, search),
                ScriptedModel.answering(request -> Draft.answer(answer)), null, FollowUp.INSTANCE, Shared.support());
        return assistant.ask(Question.of("ruble border?"));
    }

    @Test
    void statements_and_list_items_citing_chapter_labels_are_kept_with_their_citations() {
        Response r = ask("1. The ruble should become a reserve currency [I.1].\n"
                + "2. The border is protected jointly [II.1].");
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals(List.of("I.1", "II.1"), r.citations().stream().map(Response.Cited::paragraph).toList());
        assertEquals(List.of("The ruble should become a reserve currency.", "The border is protected jointly."),
                r.statements().stream().map(Response.Statement::text).toList());
    }
}
