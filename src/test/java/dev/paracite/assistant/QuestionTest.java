package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuestionTest {

    private static String rejected(String text, int topK) {
        return assertThrows(InvalidQuestionException.class, () -> new Question(text, topK)).getMessage();
    }

    @Test
    void empty_and_blank_questions_are_rejected() {
        assertEquals("The question is empty.", rejected("", 5));
        assertEquals("The question is empty.", rejected(" \n\t ", 5));
        assertEquals("The question is empty.", rejected(null, 5));
    }

    @Test
    void questions_over_2000_characters_are_rejected() {
        assertEquals("What?", new Question("  What?  ", 5).text());
        assertEquals(2000, new Question("x".repeat(2000), 5).text().length());
        assertEquals("The question is 2001 characters long; the limit is 2000.", rejected("x".repeat(2001), 5));
    }

    @Test
    void characters_are_counted_not_utf16_units() {
        String emoji = "\uD83D\uDE00".repeat(2000);
        assertEquals(4000, new Question(emoji, 5).text().length());
    }

    @Test
    void control_characters_are_rejected_but_line_breaks_and_tabs_are_fine() {
        assertEquals("The question contains control characters.", rejected("what\u0000is this", 5));
        assertEquals("The question contains control characters.", rejected("\u001b[31mred", 5));
        assertEquals("two\nlines\tand a tab", new Question("two\nlines\tand a tab", 5).text());
    }

    @Test
    void top_k_must_be_between_1_and_20() {
        assertEquals("topK must be between 1 and 20; it was 0.", rejected("q", 0));
        assertEquals("topK must be between 1 and 20; it was 21.", rejected("q", 21));
        assertEquals(20, new Question("q", 20).topK());
    }
}
