package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How documents number their paragraphs and sections, and the labels the parser gives them. */
class NumberingTest {

    private static List<String> labels(Document d) {
        return d.paragraphs().stream().map(Paragraph::label).toList();
    }

    private static List<String> notes(Document d) {
        return d.notes().stream().map(IngestionNote::describe).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1.        | 2.        | 1 2",
            "1)        | 2)        | 1 2",
            "(1)       | (2)       | 1 2",
            "§ 1       | § 2       | 1 2",
            "§1.       | §2.       | 1 2",
            "Article 1 | Article 2 | 1 2",
            "ARTICLE 1:| ARTICLE 2:| 1 2",
            "Clause 1 —| Clause 2 —| 1 2",
            "3.2.1     | 3.2.2     | 3.2.1 3.2.2",
    })
    void each_paragraph_form_starts_a_paragraph(String first, String second, String expected) {
        Document d = DocumentParser.parse("t", "Scope\n" + first + " Terms of the first.\n" + second + " Terms of the second.\n");
        assertEquals(List.of("preamble", expected.split(" ")[0], expected.split(" ")[1]), labels(d));
        assertEquals("Terms of the second.", d.paragraphs().get(2).text());
    }

    @Test
    void sub_items_and_lines_numbered_in_another_style_stay_in_their_paragraph() {
        Document d = DocumentParser.parse("t", """
                Article 1. The council shall:
                (a) meet yearly;
                b) keep minutes;
                (i) in writing;
                (1) and publish them.
                1. An ordered list item.
                Article 2. Fees are due.
                """);
        assertEquals(List.of("1", "2"), labels(d));
        assertEquals("The council shall:\n(a) meet yearly;\nb) keep minutes;\n(i) in writing;\n(1) and publish them.\n"
                + "1. An ordered list item.", d.paragraph("1").orElseThrow().text());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void numbering_that_restarts_in_each_chapter_is_labelled_by_chapter_and_noted() {
        Document d = DocumentParser.parse("t", """
                CHAPTER I: General
                1. Scope.
                2. Terms.
                CHAPTER II: Fees
                1. Amounts.
                2. Due dates.
                """);
        assertEquals(List.of("I.1", "I.2", "II.1", "II.2"), labels(d));
        assertEquals(List.of("Chapter I. General", "Chapter II. Fees"), d.sections());
        assertEquals("Chapter II. Fees", d.paragraph("II.1").orElseThrow().section());
        assertEquals(List.of(
                "flagged line 1: numbering restarts in each numbered section; paragraphs under \"Chapter I. General\" "
                        + "are labelled I.1, I.2, ...",
                "flagged line 4: numbering restarts in each numbered section; paragraphs under \"Chapter II. Fees\" "
                        + "are labelled II.1, II.2, ..."), notes(d));
    }

    @Test
    void restarts_under_bare_numerals_and_arabic_parts_read_the_same_way() {
        assertEquals(List.of("I.1", "II.1", "II.2"),
                labels(DocumentParser.parse("t", "I. One\n1. a.\nII. Two\n1. b.\n2. c.\n")));
        assertEquals(List.of("1.1", "2.1"), labels(DocumentParser.parse("t", "Part 1\n1. a.\nPart 2\n1. b.\n")));
    }

    @Test
    void numbering_that_runs_on_across_chapters_keeps_plain_labels() {
        Document d = DocumentParser.parse("t", "Chapter 1\n1. a.\n2. b.\nChapter 2\n3. c.\n");
        assertEquals(List.of("1", "2", "3"), labels(d));
        assertEquals(List.of(), d.notes());
    }

    @Test
    void a_number_repeated_with_other_text_within_a_restarting_section_gets_a_suffix() {
        Document d = DocumentParser.parse("t", "I. One\n1. a.\n2. b.\n2. other b.\nII. Two\n1. c.\n");
        assertEquals(List.of("I.1", "I.2", "I.2b", "II.1"), labels(d));
        assertTrue(notes(d).contains("flagged line 4: number I.2 appears again with different text; kept as paragraph I.2b"),
                notes(d).toString());
    }

    @Test
    void a_number_recurring_past_z_is_labelled_aa_ab_not_with_punctuation_or_control_characters() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("1. Version ").append(i).append(".\n");
        }
        List<String> labels = labels(DocumentParser.parse("t", text.toString()));
        assertEquals(List.of("1y", "1z", "1aa", "1ab", "1ac", "1ad"), labels.subList(24, 30));
        assertTrue(labels.stream().allMatch(l -> l.matches("1[a-z]{0,2}")), labels.toString());
        assertEquals(30, labels.stream().distinct().count());
    }

    @Test
    void markdown_headings_name_their_sections_by_title() {
        Document d = DocumentParser.parse("t", "# Terms\n1. Scope.\n## Fees ##\n2. Amounts.\n### Chapter 3: Refunds\n3. Rules.\n");
        assertEquals(List.of("Terms", "Fees", "Chapter 3. Refunds"), d.sections());
        assertEquals("Fees", d.paragraph("2").orElseThrow().section());
    }

    @Test
    void clause_numbers_are_labels_and_take_no_part_in_the_order_checks() {
        Document d = DocumentParser.parse("t", "1. Scope\n1.1 Terms apply.\n1.2 Fees apply.\n2. Fees\n2.1 Amounts.\n");
        assertEquals(List.of("1", "1.1", "1.2", "2", "2.1"), labels(d));
        assertEquals(List.of(), d.notes());
    }

    @Test
    void years_and_amounts_opening_a_line_stay_prose() {
        Document d = DocumentParser.parse("t", "1. Records are kept\n2024 was the first year;\n2.5 million were kept.\n");
        assertEquals(List.of("1"), labels(d));
        assertEquals(new ArrayList<>(List.of("Records are kept", "2024 was the first year;", "2.5 million were kept.")),
                List.of(d.paragraph("1").orElseThrow().text().split("\n")));
    }
}
