package dev.paracite.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splits_sentences_and_keeps_their_markers() {
        assertEquals(List.of("The ruble should become a reserve currency [8].", "Russia will also annex the Moon by 2031."),
                Sentences.of("The ruble should become a reserve currency [8]. Russia will also annex the Moon by 2031."));
    }

    @Test
    void a_marker_after_the_full_stop_belongs_to_the_sentence_before_it() {
        assertEquals(List.of("Borders are protected jointly. [13]", "Trade helps [6]."),
                Sentences.of("Borders are protected jointly. [13] Trade helps [6]."));
        assertEquals(List.of("First. [1, 2].", "Second."), Sentences.of("First. [1, 2]. Second."));
    }

    @Test
    void initials_abbreviations_and_acronyms_do_not_end_a_sentence() {
        assertEquals(List.of("James O. Smith wrote it in the U.S. Congress records."),
                Sentences.of("James O. Smith wrote it in the U.S. Congress records."));
        assertEquals(List.of("Some states, e.g. Belarus, joined.", "Others did not."),
                Sentences.of("Some states, e.g. Belarus, joined. Others did not."));
        assertEquals(List.of("Decree No. 940 was signed by B. N. Yeltsin."),
                Sentences.of("Decree No. 940 was signed by B. N. Yeltsin."));
        assertEquals(List.of("Pay 3.5 percent.", "Then stop."), Sentences.of("Pay 3.5 percent. Then stop."));
    }

    @Test
    void every_line_and_list_item_is_a_statement() {
        String text = "The main directions are:\n- identification of priorities [9];\n- protection of the environment [9].\n\n1. Numbered item one.\n2. Numbered item two.";
        assertEquals(List.of("The main directions are:", "- identification of priorities [9];",
                "- protection of the environment [9].", "1. Numbered item one.", "2. Numbered item two."), Sentences.of(text));
    }

    @Test
    void a_line_of_markers_alone_joins_the_statement_above() {
        assertEquals(List.of("Trade stabilises the economy.\n[6]", "Next."), Sentences.of("Trade stabilises the economy.\n[6]\nNext."));
    }

    @Test
    void questions_exclamations_and_quotes_end_sentences() {
        assertEquals(List.of("Is it binding?", "No!", "He said \"stop.\"", "Then left."),
                Sentences.of("Is it binding? No! He said \"stop.\" Then left."));
    }

    @Test
    void spans_point_into_the_original_text() {
        String text = "  One. [1]  Two.  ";
        List<Span> spans = Sentences.split(text);
        assertEquals(List.of(new Span(2, 10), new Span(12, 16)), spans);
        assertEquals("One. [1]", spans.get(0).of(text));
    }

    @Test
    void an_unfinished_sentence_is_still_a_statement_and_empty_text_has_none() {
        assertEquals(List.of("Moscow will annex"), Sentences.of("Moscow will annex"));
        assertEquals(List.of(), Sentences.of("  \n \n"));
    }

    @Test
    void lower_case_after_a_full_stop_does_not_start_a_sentence() {
        assertEquals(List.of("See art. 5 of the treaty."), Sentences.of("See art. 5 of the treaty."));
        assertEquals(List.of("It ended in 1992.", "15 states signed."), Sentences.of("It ended in 1992. 15 states signed."));
    }

    @Test
    void a_marker_citing_a_chapter_label_does_not_end_a_sentence_inside_it() {
        assertEquals(List.of("Fees are due within 30 days [II.3].", "Refunds take a week [II.4, I.1]."),
                Sentences.of("Fees are due within 30 days [II.3]. Refunds take a week [II.4, I.1]."));
        assertEquals(List.of("II. Fees are due [II.3].", "Refunds follow."),
                Sentences.of("II. Fees are due [II.3]. Refunds follow."));
    }
}
