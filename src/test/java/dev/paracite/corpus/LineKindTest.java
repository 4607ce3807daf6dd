package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written reading of structural lines against the patterns it stands in for, on awkward lines. */
class LineKindTest {

    /** A title after optional punctuation: punctuation and whitespace, or whitespace and a capital. */
    private static final String TITLE = "(?:\\s*[.:\u2014\u2013]\\s+(\\S.*)|\\s+(\\p{IsUppercase}.*))";
    private static final Pattern DOT = Pattern.compile("^(\\d{1,7})\\.\\s+(\\S.*)$");
    private static final Pattern PAREN = Pattern.compile("^(\\d{1,7})\\)\\s+(\\S.*)$");
    private static final Pattern ENCLOSED = Pattern.compile("^\\((\\d{1,7})\\)\\s+(\\S.*)$");
    private static final Pattern CLAUSE_NUMBER = Pattern.compile("^(\\d{1,7}(?:\\.\\d{1,7}){1,6})" + TITLE + "$");
    private static final Pattern SECTION_SIGN = Pattern.compile("^\u00A7\\s*(\\d{1,7})" + TITLE + "$");
    private static final Pattern ARTICLE = Pattern.compile("^(?:Article|ARTICLE)\\s+(\\d{1,7})" + TITLE + "$");
    private static final Pattern CLAUSE = Pattern.compile("^(?:Clause|CLAUSE)\\s+(\\d{1,7})" + TITLE + "$");
    private static final Pattern HEADING = Pattern.compile("^([IVXLCDMY]{1,8})\\.\\s+(\\S.*)$");
    private static final Pattern KEYWORD_HEADING = Pattern.compile("^(Chapter|CHAPTER|Part|PART|Section|SECTION)\\s+"
            + "([0-9IVXLCDMY]{1,7})(?:" + TITLE + "|\\s*[.:\u2014\u2013]?\\s*)$");
    private static final Pattern MARKDOWN = Pattern.compile("^#{1,6}\\s+(\\S.*)$");

    /** Pieces a line is built from: markers, their near misses, every kind of whitespace, line terminators. */
    private static final String[] PIECES = {"1", "7", "12", "0042", "1234567", "12345678", "\u0663", "I", "V", "X",
        "IV", "IY", "XL", "MMM", "MMMM", "IIIIIIIII", "Y", "i", "C", "D", "L", "M", ".", ". ", ".\t", ".  ", " ", "\t",
        "\u000B", "\f", "\u001C", "\u00A0", "\u2003", "\u0085", "\u2028", "\u2029", "Text", "a", "-", "\uD83D\uDE00",
        "\uD83D", "\uDE00", "2. Two", "II. Part", "(", ")", "(a)", "\u00A7", "\u00A7 ", ":", "\u2014", "\u2013", ".1",
        "3.2", "T", "\u00C9", "\uD835\uDC00", "Article ", "ARTICLE", "Clause ", "Chapter ", "PART ", "Section ", "#",
        "## ", "2024"};
    private static final String[] OPENERS = {"3", "IV", "(3", "\u00A7", "\u00A7 ", "Article ", "Clause ", "3.2", "3.2.1",
        "Chapter ", "CHAPTER ", "Part ", "Section ", "#", "## "};

    @Test
    void numbered_lines_are_read_as_the_patterns_read_them() {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            String line = line(random);
            assertEquals(expectedNumbered(line), LineKind.numbered(line), escaped(line));
        }
    }

    @Test
    void headings_are_read_as_the_patterns_read_them() {
        Random random = new Random(18);
        for (int i = 0; i < 100_000; i++) {
            String line = line(random);
            Optional<LineKind.Heading> heading = LineKind.heading(line);
            Matcher roman = HEADING.matcher(line);
            Matcher keyword = KEYWORD_HEADING.matcher(line);
            if (line.startsWith("#")) {
                assertEquals(MARKDOWN.matcher(line).matches(), heading.isPresent(), escaped(line));
            } else if (keyword.matches()) {
                if (Numerals.value(keyword.group(2)) < 0) {
                    assertEquals(Optional.empty(), heading, escaped(line));
                } else {
                    String title = keyword.group(3) != null ? keyword.group(3) : keyword.group(4) != null ? keyword.group(4) : "";
                    String kind = keyword.group(1).charAt(0) + keyword.group(1).substring(1).toLowerCase();
                    assertEquals(Optional.of(new LineKind.Heading(kind, keyword.group(2), keyword.group(2), title)), heading,
                            escaped(line));
                }
            } else if (!roman.matches()) {
                assertEquals(Optional.empty(), heading, escaped(line));
            } else if (heading.isPresent()) {
                assertEquals(roman.group(1) + "|" + roman.group(2), heading.get().written() + "|" + heading.get().title(), escaped(line));
            } else {
                assertTrue(!Numerals.isRoman(roman.group(1).replace('Y', 'V')), escaped(line));
            }
        }
    }

    @Test
    void a_line_opens_a_paragraph_a_section_or_nothing() {
        assertEquals(Optional.of(numbered(LineKind.Style.DOT, "12", "Text.")), LineKind.opening("12. Text."));
        assertEquals(Optional.of(new LineKind.Heading("", "IY", "IV", "Part")), LineKind.opening("IY.\tPart"));
        assertEquals(Optional.empty(), LineKind.opening("12.Text."));
        assertEquals(Optional.empty(), LineKind.opening("12. Text\u2028more"));
    }

    @Test
    void each_paragraph_form_gives_its_number() {
        assertEquals(numbered(LineKind.Style.PAREN, "4", "Text."), LineKind.opening("4) Text.").orElseThrow());
        assertEquals(numbered(LineKind.Style.ENCLOSED, "4", "text."), LineKind.opening("(4) text.").orElseThrow());
        assertEquals(numbered(LineKind.Style.SECTION_SIGN, "4", "Scope"), LineKind.opening("\u00A74 Scope").orElseThrow());
        assertEquals(numbered(LineKind.Style.SECTION_SIGN, "4", "scope"), LineKind.opening("\u00A7 4. scope").orElseThrow());
        assertEquals(numbered(LineKind.Style.ARTICLE, "5", "scope"), LineKind.opening("Article 5: scope").orElseThrow());
        assertEquals(numbered(LineKind.Style.ARTICLE, "5", "scope"), LineKind.opening("ARTICLE 5 \u2014 scope").orElseThrow());
        assertEquals(numbered(LineKind.Style.CLAUSE, "2", "Payment"), LineKind.opening("Clause 2 Payment").orElseThrow());
        assertEquals(numbered(LineKind.Style.DOT, "3.2.1", "Scope"), LineKind.opening("3.2.1 Scope").orElseThrow());
        assertEquals(numbered(LineKind.Style.DOT, "3.2", "the scope"), LineKind.opening("03.2. the scope").orElseThrow());
    }

    @Test
    void prose_that_starts_with_a_number_or_a_keyword_is_not_a_marker() {
        for (String prose : new String[] {"2024 was a year of change.", "2.5 million people live there.", "1)no space",
            "Article 5 of the treaty applies.", "Section 4 of the act applies.", "\u00A7 3 of the code applies.",
            "(a) an item", "a) an item", "(i) an item", "#hashtag", "Chapter 2 of the book", "(1)text"}) {
            assertEquals(Optional.empty(), LineKind.opening(prose), prose);
        }
    }

    @Test
    void each_heading_form_is_named_by_its_kind_numeral_and_title() {
        assertEquals("Chapter 2. Scope", LineKind.opening("Chapter 2: Scope").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("Chapter II", LineKind.opening("CHAPTER II").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("Part 3. General", LineKind.opening("Part 3 \u2014 General").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("Section 4. Fees", LineKind.opening("Section 4 Fees").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("Definitions", LineKind.opening("## Definitions ##").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("Chapter 3. Fees", LineKind.opening("# Chapter 3: Fees").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
        assertEquals("IV. Title", LineKind.opening("IV. Title").map(h -> ((LineKind.Heading) h).normalized()).orElseThrow());
    }

    private static LineKind.Numbered numbered(LineKind.Style style, String number, String text) {
        return new LineKind.Numbered(style, number, text);
    }

    private static Optional<LineKind.Numbered> expectedNumbered(String line) {
        Pattern[] patterns = {DOT, PAREN, ENCLOSED, CLAUSE_NUMBER, SECTION_SIGN, ARTICLE, CLAUSE};
        LineKind.Style[] styles = {LineKind.Style.DOT, LineKind.Style.PAREN, LineKind.Style.ENCLOSED, LineKind.Style.DOT,
            LineKind.Style.SECTION_SIGN, LineKind.Style.ARTICLE, LineKind.Style.CLAUSE};
        for (int i = 0; i < patterns.length; i++) {
            Matcher m = patterns[i].matcher(line);
            if (m.matches()) {
                String text = m.groupCount() > 2 && m.group(2) == null ? m.group(3) : m.group(2);
                return Optional.of(numbered(styles[i], normalized(m.group(1)), text));
            }
        }
        return Optional.empty();
    }

    /** "03.2" as the parser labels it: each level without leading zeros. */
    private static String normalized(String number) {
        StringBuilder out = new StringBuilder();
        for (String level : number.split("\\.")) {
            out.append(out.length() == 0 ? "" : ".").append(Integer.parseInt(level));
        }
        return out.toString();
    }

    /** A line as Block hands it over: no CR or LF; stripped, usually, and often shaped like a marker line. */
    private static String line(Random random) {
        StringBuilder line = new StringBuilder();
        if (random.nextInt(3) > 0) {
            line.append(OPENERS[random.nextInt(OPENERS.length)]);
        }
        for (int i = 0, n = random.nextInt(6); i < n; i++) {
            line.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return random.nextInt(4) == 0 ? line.toString() : line.toString().strip();
    }

    private static String escaped(String line) {
        StringBuilder out = new StringBuilder();
        line.chars().forEach(c -> out.append(c >= ' ' && c < 0x7F ? Character.toString(c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
