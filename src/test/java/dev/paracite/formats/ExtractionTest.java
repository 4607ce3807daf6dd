package dev.paracite.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What each format's text looks like: the lines the parser reads. */
class ExtractionTest {

    private static String text(byte[] content) {
        return Formats.extract(content, "Document x").text();
    }

    private static String text(String content) {
        return text(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void html_lists_are_numbered_from_their_start_with_headings_as_markdown_and_scripts_dropped() {
        // &nbsp; is read as a space, like any other whitespace between words
        assertEquals("""
                # Lending rules

                ## I. Borrowing

                1. Members may borrow up to six books at a time with a valid library card.

                2. Books are lent for three weeks and may be renewed twice online.

                3. Audiobooks and DVDs are lent for one week and cannot be renewed.

                ## II. Fees

                4. Overdue books cost 20 cents per day, up to a maximum of 5 dollars per book.

                5. A lost or damaged book must be replaced or paid for at its listed price.

                """, text(Fixtures.html()));
    }

    @Test
    void html_entities_values_breaks_and_bullets() {
        assertEquals("Fish &amp; chips \u2014 \u00a35\n\nline one\n\nline two\n\n7. seven\n\n8. eight\n\n- loose\n\n",
                text("<p>Fish &amp;amp; chips &mdash; &pound;5</p><p>line one<br>line two</p>"
                        + "<ol start=3><li value=7>seven<li>eight</ol><ul><li>loose</ul>"));
    }

    @Test
    void markdown_keeps_its_lines_and_loses_emphasis_markers_and_link_targets() {
        assertEquals("# Title\n\n1. Borrow up to six books with a library card.\n2. Text.\n",
                text("# Title\n\n1. Borrow **up to six** books with a [library card](https://x.org/c).\n2. __Text__.\n"));
    }

    @Test
    void plain_text_is_unchanged_byte_for_byte() {
        String plain = "I. Borrowing\r\n1. Members may borrow 2 * 3 books_a_day [six].\n\n2. Second.\n";
        assertEquals(plain, text(plain));
    }

    @Test
    void docx_numbering_is_written_as_numbers_and_headings_as_markdown() {
        assertEquals("""
                # I. Borrowing

                1. Members may borrow up to six books at a time with a valid library card.

                2. Books are lent for three weeks and may be renewed twice online.

                3. Audiobooks and DVDs are lent for one week and cannot be renewed.

                # II. Fees

                4. Overdue books cost 20 cents per day, up to a maximum of 5 dollars per book.

                5. A lost or damaged book must be replaced or paid for at its listed price.

                """, text(Fixtures.docx()));
    }

    @Test
    void pdf_lines_stay_lines() {
        String text = text(Fixtures.pdf());
        assertEquals(String.join("\n", Fixtures.lines()), text.strip());
    }
}
