package dev.paracite.corpus;

import static dev.paracite.corpus.MarkerScan.afterSpace;
import static dev.paracite.corpus.MarkerScan.digits;
import static dev.paracite.corpus.MarkerScan.skipSpace;
import static dev.paracite.corpus.MarkerScan.titleStart;
import static dev.paracite.corpus.MarkerScan.word;

import java.util.Optional;

/**
 * Recognises the structural lines of a document: paragraph starts and section headings. Every line of a
 * document is tried, so the forms are matched by hand, dispatching on the first character (LineKindTest
 * holds each to the regex it stands in for).
 *
 * <p>A marker is followed by its punctuation and whitespace ({@code 12. }, {@code 12) }, {@code (12) }),
 * so a year or an amount opening a line of prose is not one. The forms whose punctuation is optional
 * ({@code § 4}, {@code Article 4}, {@code Clause 4}, {@code 3.2.1}, {@code Chapter 2}) take
 * {@code . : — –} then whitespace, or whitespace then a capitalised title: "Article 5 of the treaty" and
 * "2.5 million" stay prose.
 */
final class LineKind {

    private static final int MAX_LEVELS = 7;

    /** What a line opens: a numbered paragraph or a section. */
    sealed interface Opening permits Numbered, Heading {}

    /** How a paragraph number is written; a document numbers its paragraphs in one style. */
    enum Style { DOT, PAREN, ENCLOSED, SECTION_SIGN, ARTICLE, CLAUSE }

    /** A numbered line: its number ("12", or "3.2.1" for a clause number) and the text after the marker. */
    record Numbered(Style style, String number, String text) implements Opening {
        /** True for a single number, the kind that restarts and runs in ranges; false for "3.2.1". */
        boolean plain() {
            return number.indexOf('.') < 0;
        }
    }

    /**
     * A heading: {@code kind} is "" for a bare roman numeral ({@code IV. Title}), "Chapter", "Part" or
     * "Section", or "#" for an unnumbered Markdown heading; the numeral as written and as read (IY is read
     * as IV, a common OCR slip); the title, possibly empty.
     */
    record Heading(String kind, String written, String numeral, String title) implements Opening {
        /** The section's name, as {@link Paragraph#section()} gives it and as {@link #heading} reads it back. */
        String normalized() {
            if (kind.isEmpty()) {
                return numeral + ". " + title;
            }
            if (kind.equals("#")) {
                return title;
            }
            return kind + " " + numeral + (title.isEmpty() ? "" : ". " + title);
        }
    }

    private static final String[] PARAGRAPH_WORDS = {"Article", "Clause"};
    private static final Style[] PARAGRAPH_WORD_STYLES = {Style.ARTICLE, Style.CLAUSE};

    private LineKind() {}

    /** The paragraph or section {@code line} opens; empty for a line of plain text. */
    static Optional<Opening> opening(String line) {
        Optional<Opening> numbered = numbered(line).map(Opening.class::cast);
        return numbered.isPresent() ? numbered : heading(line).map(Opening.class::cast);
    }

    static Optional<Numbered> numbered(String line) {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        char c = line.charAt(0);
        if (c >= '0' && c <= '9') {
            return digitsFirst(line);
        }
        if (c == '(') {
            int end = digits(line, 1);
            int text = end > 1 && end < line.length() && line.charAt(end) == ')' ? afterSpace(line, end + 1) : -1;
            return numbered(Style.ENCLOSED, line, 1, end, text);
        }
        if (c == '\u00A7') {
            int from = skipSpace(line, 1);
            int end = digits(line, from);
            return numbered(Style.SECTION_SIGN, line, from, end, end > from ? titleStart(line, end, false) : -1);
        }
        for (int i = 0; i < PARAGRAPH_WORDS.length; i++) {
            int from = word(line, PARAGRAPH_WORDS[i]);
            if (from > 0) {
                int end = digits(line, from);
                return numbered(PARAGRAPH_WORD_STYLES[i], line, from, end, end > from ? titleStart(line, end, false) : -1);
            }
        }
        return Optional.empty();
    }

    /** {@code 12. text}, {@code 12) text}, {@code 3.2.1 Title} or {@code 3.2.1. text}. */
    private static Optional<Numbered> digitsFirst(String line) {
        int end = digits(line, 0);
        if (end < 0 || end == line.length()) {
            return Optional.empty();
        }
        char after = line.charAt(end);
        if (after == ')') {
            return numbered(Style.PAREN, line, 0, end, afterSpace(line, end + 1));
        }
        if (after != '.') {
            return Optional.empty();
        }
        int text = afterSpace(line, end + 1);
        if (text > 0) {
            return numbered(Style.DOT, line, 0, end, text);
        }
        int levels = 1;
        while (end + 1 < line.length() && line.charAt(end) == '.' && levels < MAX_LEVELS) {
            int next = digits(line, end + 1);
            if (next <= end + 1) {
                break;
            }
            end = next;
            levels++;
        }
        return levels > 1 ? numbered(Style.DOT, line, 0, end, titleStart(line, end, false)) : Optional.empty();
    }

    private static Optional<Numbered> numbered(Style style, String line, int from, int end, int text) {
        if (text < 0) {
            return Optional.empty();
        }
        StringBuilder number = new StringBuilder();
        for (int i = from; i < end; ) {
            int group = i;
            while (i < end && line.charAt(i) != '.') {
                i++;
            }
            number.append(number.length() == 0 ? "" : ".").append(Integer.parseInt(line, group, i, 10));
            i++;
        }
        return Optional.of(new Numbered(style, number.toString(), line.substring(text)));
    }

    static Optional<Heading> heading(String line) {
        return HeadingLine.read(line);
    }
}
