package dev.paracite.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceParserTest {

    private static final Document DOCUMENT = DocumentLoader.builtIn();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "What does paragraph 8 say?          | 8",
            "What does para. 8 say?              | 8",
            "para 8 please                       | 8",
            "What is in § 8?                     | 8",
            "What is in ¶8?                      | 8",
            "Paragraph 8, briefly                | 8",
            "Compare paragraphs 12-14            | 12 13 14",
            "Compare paragraphs 12–14            | 12 13 14",
            "Compare paragraphs 12 to 14         | 12 13 14",
            "paragraphs 3, 5 and 7               | 3 5 7",
            "§§ 20 and 21                        | 20 21",
            "What does section III cover?        | 12 13 14",
            "what does section 3 cover?          | 12 13 14",
            "sections I and VII                  | 1 2 3 4 21 22 23 24",
            "What does the preamble say?         | preamble",
    })
    void resolves_direct_references(String question, String expected) {
        References refs = ReferenceParser.find(question, DOCUMENT);
        assertEquals(List.of(expected.split(" ")), refs.labels());
        assertEquals(List.of(), refs.missing());
    }

    @Test
    void references_the_document_lacks_are_reported() {
        References refs = ReferenceParser.find("Compare paragraph 8 with paragraph 42 and section IX", DOCUMENT);
        assertEquals(List.of("8"), refs.labels());
        assertEquals(List.of("paragraph 42", "section IX"), refs.missing());
    }

    @Test
    void the_rest_of_the_question_is_kept_for_ranking() {
        References refs = ReferenceParser.find("What does paragraph 8 say about the ruble?", DOCUMENT);
        assertEquals("What does   say about the ruble?", refs.remainder());
    }

    @Test
    void numbers_that_are_not_references_are_left_alone() {
        References refs = ReferenceParser.find("What happened on May 15, 1992 in 3 places?", DOCUMENT);
        assertEquals(List.of(), refs.labels());
        assertEquals(List.of(), refs.missing());
    }

    @Test
    void a_huge_range_is_cut_short_rather_than_expanded() {
        References refs = ReferenceParser.find("paragraphs 1-100000", DOCUMENT);
        assertEquals(24, refs.labels().size());
        assertEquals(ReferenceParser.MAX_RANGE - 24, refs.missing().size());
    }

    private static final Document CHAPTERS = dev.paracite.corpus.DocumentParser.parse("chapters", """
            Part 1
            1. General terms.
            Chapter I: Scope
            1. Scope of the rules.
            2. Who they bind.
            CHAPTER II: Fees
            1. Amounts due.
            """);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "What does chapter 1 cover?          | I.1 I.2",
            "What does chapter I cover?          | I.1 I.2",
            "What does chapter 2 cover?          | II.1",
            "What does part 1 cover?             | 1.1",
            "what is in section 1?               | 1.1 I.1 I.2",
            "what does paragraph ii.1 say?       | II.1",
            "compare paragraphs I.1 and I.2      | I.1 I.2",
    })
    void resolves_chapters_parts_and_labels_of_restarted_numbering(String question, String expected) {
        References refs = ReferenceParser.find(question, CHAPTERS);
        assertEquals(List.of(expected.split(" ")), refs.labels());
        assertEquals(List.of(), refs.missing());
    }
}
