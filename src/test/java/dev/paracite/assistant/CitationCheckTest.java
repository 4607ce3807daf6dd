package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.assistant.Response.DroppedCitation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CitationCheckTest {

    private static final Set<String> EXISTING = Set.of("preamble", "1", "2", "3", "8", "9", "12", "13", "14");
    private static final Set<String> PROVIDED = Set.of("8", "9", "12", "14");

    private static CitationCheck check(String text) {
        return CitationCheck.of(text, PROVIDED, EXISTING);
    }

    @Test
    void valid_citations_are_kept_as_written() {
        CitationCheck c = check("The ruble [8]. Science [9, 8].");
        assertEquals("The ruble [8]. Science [9, 8].", c.text());
        assertEquals(List.of("8", "9"), c.cited());
        assertEquals(List.of(), c.dropped());
    }

    @Test
    void a_paragraph_the_document_lacks_is_removed_and_reported() {
        CitationCheck c = check("Invented [42]. Real [8].");
        assertEquals("Invented. Real [8].", c.text());
        assertEquals(List.of(new DroppedCitation("42", CitationCheck.UNKNOWN)), c.dropped());
    }

    @Test
    void a_real_paragraph_that_was_not_retrieved_is_removed_and_reported() {
        CitationCheck c = check("Not given [3]. Given [12].");
        assertEquals("Not given. Given [12].", c.text());
        assertEquals(List.of("12"), c.cited());
        assertEquals(List.of(new DroppedCitation("3", CitationCheck.NOT_PROVIDED)), c.dropped());
    }

    @Test
    void a_partly_valid_marker_keeps_only_its_valid_labels() {
        CitationCheck c = check("Security [12-14].");
        assertEquals("Security [12, 14].", c.text());
        assertEquals(List.of("12", "14"), c.cited());
        assertEquals(List.of(new DroppedCitation("13", CitationCheck.NOT_PROVIDED)), c.dropped());
    }

    @Test
    void text_without_markers_has_no_citations() {
        CitationCheck c = check("No markers at all, though [sic] is bracketed.");
        assertEquals("No markers at all, though [sic] is bracketed.", c.text());
        assertEquals(List.of(), c.cited());
        assertEquals(List.of(), c.dropped());
    }

    @Test
    void an_empty_answer_stays_empty() {
        CitationCheck c = check("");
        assertEquals("", c.text());
        assertEquals(List.of(), c.cited());
    }
}
