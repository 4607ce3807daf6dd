package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private static List<String> labels(Document d) {
        return d.paragraphs().stream().map(Paragraph::label).toList();
    }

    private static List<String> notes(Document d) {
        return d.notes().stream().map(IngestionNote::describe).toList();
    }

    @Test
    void continuation_lines_and_trailing_text_stay_with_their_paragraph() {
        Document d = DocumentParser.parse("t", "Intro line.\nI. First\n1. One.\nmore of one\n2. Two.\nafter the last\n");
        assertEquals(List.of("preamble", "1", "2"), labels(d));
        assertEquals("Intro line.", d.paragraph("preamble").orElseThrow().text());
        assertEquals("One.\nmore of one", d.paragraph("1").orElseThrow().text());
        assertEquals("Two.\nafter the last", d.paragraph("2").orElseThrow().text());
        assertEquals("I. First", d.paragraph("1").orElseThrow().section());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void windows_line_endings_and_blank_lines_are_read_like_unix_ones() {
        Document d = DocumentParser.parse("t", "1. One.\r\n\r\n2. Two.\r\ncontinued\r\n");
        assertEquals("Two.\ncontinued", d.paragraph("2").orElseThrow().text());
    }

    @Test
    void a_number_reused_with_different_text_is_kept_under_a_new_label_and_flagged() {
        Document d = DocumentParser.parse("t", "1. One.\n2. Two.\n2. Another two.\n3. Three.\n");
        assertEquals(List.of("1", "2", "2b", "3"), labels(d));
        assertEquals("Another two.", d.paragraph("2b").orElseThrow().text());
        assertEquals(List.of("flagged line 3: number 2 appears again with different text; kept as paragraph 2b"), notes(d));
    }

    @Test
    void numbers_out_of_order_and_gaps_are_flagged_not_fixed() {
        Document d = DocumentParser.parse("t", "1. One.\n3. Three.\n2. Two.\n4. Four.\n");
        assertEquals(List.of("1", "3", "2", "4"), labels(d));
        assertEquals(List.of(
                "flagged line 2: paragraph 3 follows paragraph 1; number 2 is missing",
                "flagged line 3: paragraph 2 follows paragraph 3 (numbers out of order)"), notes(d));
    }

    @Test
    void a_paragraph_repeated_whole_is_dropped_once_with_its_line_range() {
        String text = "1. The first paragraph is long enough.\nIts second line is also long enough.\n"
                + "2. Second.\n1. The first paragraph is long enough.\nIts second line is also long enough.\n";
        Document d = DocumentParser.parse("t", text);
        assertEquals(List.of("1", "2"), labels(d));
        assertEquals(List.of("dropped lines 4-5: paragraph 1 repeated with identical text"), notes(d));
    }

    @Test
    void short_lines_may_repeat_but_long_repeated_lines_are_dropped() {
        String longLine = "This line is certainly longer than thirty characters.";
        Document d = DocumentParser.parse("t", "1. One:\nnone;\n2. Two:\nnone;\n" + longLine + "\n3. Three.\n" + longLine + "\n");
        assertEquals("Two:\nnone;\n" + longLine, d.paragraph("2").orElseThrow().text());
        assertEquals("Three.", d.paragraph("3").orElseThrow().text());
        assertEquals(List.of("dropped line 7: repeats text of paragraph 2"), notes(d));
    }

    @Test
    void unnumbered_text_under_a_heading_is_kept_with_the_previous_paragraph_and_flagged() {
        Document d = DocumentParser.parse("t", "1. One.\nII. Second part\nAn unnumbered note.\n2. Two.\n");
        assertEquals("One.\nAn unnumbered note.", d.paragraph("1").orElseThrow().text());
        assertEquals(List.of("flagged line 3: unnumbered text under heading \"II. Second part\" kept with paragraph 1"),
                notes(d));
    }

    @Test
    void a_line_that_only_looks_like_a_heading_is_text() {
        Document d = DocumentParser.parse("t", "1. One.\nIQ. is not a numeral\n");
        assertEquals("One.\nIQ. is not a numeral", d.paragraph("1").orElseThrow().text());
        assertEquals(List.of(), d.sections());
    }

    @Test
    void a_repeat_key_is_the_stripped_line_with_each_run_of_whitespace_read_as_one_space() {
        String[] pieces = {"a", "word", " ", "  ", "\t", "\u000B", "\f", "\r", "\u001C", "\u0085", "\u00A0", "\u2003", "\u2028"};
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0, n = random.nextInt(8); j < n; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String line = text.toString();
            assertEquals(line.strip().replaceAll("\\s+", " "), DocumentParser.key(line), line);
        }
    }
}
