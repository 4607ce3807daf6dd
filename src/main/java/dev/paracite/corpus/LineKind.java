package dev.paracite.corpus;

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

    private static final String NUMERAL_LETTERS = "IVXLCDMY";
    private static final String TITLE_PUNCTUATION = ".:\u2014\u2013";
    private static final int MAX_DIGITS = 7;
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
    private static final String[] HEADING_WORDS = {"Chapter", "Part", "Section"};

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
        if (line.isEmpty()) {
            return Optional.empty();
        }
        if (line.charAt(0) == '#') {
            return markdown(line);
        }
        for (String kind : HEADING_WORDS) {
            int from = word(line, kind);
            if (from > 0) {
                return numberedHeading(kind, line, from);
            }
        }
        return roman(line);
    }

    /** {@code IV. Title}: a bare roman numeral, its full stop, and a title. */
    private static Optional<Heading> roman(String line) {
        int letters = 0;
        while (letters < line.length() && letters <= 8 && NUMERAL_LETTERS.indexOf(line.charAt(letters)) >= 0) {
            letters++;
        }
        int text = letters > 0 && letters <= 8 && letters < line.length() && line.charAt(letters) == '.'
                ? afterSpace(line, letters + 1) : -1;
        if (text < 0) {
            return Optional.empty();
        }
        String written = line.substring(0, letters);
        String numeral = Numerals.isRoman(written) ? written : written.replace('Y', 'V');
        return Numerals.isRoman(numeral) ? Optional.of(new Heading("", written, numeral, line.substring(text)))
                : Optional.empty();
    }

    /** {@code Chapter 2}, {@code CHAPTER II: Title}, {@code Part 3 — Title}: the title may be left out. */
    private static Optional<Heading> numberedHeading(String kind, String line, int from) {
        int end = from;
        while (end < line.length() && end - from < MAX_DIGITS && (isDigit(line.charAt(end)) || NUMERAL_LETTERS.indexOf(line.charAt(end)) >= 0)) {
            end++;
        }
        String numeral = line.substring(from, end);
        if (Numerals.value(numeral) < 0) {
            return Optional.empty();
        }
        int text = titleStart(line, end, true);
        return text < 0 ? Optional.empty()
                : Optional.of(new Heading(kind, numeral, numeral, line.substring(text)));
    }

    /** {@code ## Title}, its closing #s left out; a title that is itself a heading ({@code # Chapter 2}) is read as one. */
    private static Optional<Heading> markdown(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        int text = level <= 6 ? afterSpace(line, level) : -1;
        if (text < 0) {
            return Optional.empty();
        }
        int end = line.length();
        while (end > text && line.charAt(end - 1) == '#') {
            end--;
        }
        String title = end < line.length() && end > text && isPatternSpace(line.charAt(end - 1))
                ? line.substring(text, end).strip() : line.substring(text);
        Optional<Heading> inner = title.startsWith("#") ? Optional.empty() : heading(title);
        return inner.isPresent() ? inner : Optional.of(new Heading("#", "", "", title));
    }

    /**
     * Where the title starts after a marker ending at {@code end} whose punctuation is optional: after
     * {@code . : — –} (spaces before it allowed) and whitespace, or after whitespace when the title is
     * capitalised; at the end of the line for a heading that has no title ({@code emptyTitle}); -1 otherwise.
     */
    private static int titleStart(String line, int end, boolean emptyTitle) {
        int at = skipSpace(line, end);
        if (at < line.length() && TITLE_PUNCTUATION.indexOf(line.charAt(at)) >= 0) {
            return emptyTitle && skipSpace(line, at + 1) == line.length() ? line.length() : afterSpace(line, at + 1);
        }
        if (at == line.length()) {
            return emptyTitle ? at : -1;
        }
        int text = afterSpace(line, end);
        return text > 0 && Character.isUpperCase(line.codePointAt(text)) ? text : -1;
    }

    /** The end of the run of at most 7 ASCII digits at {@code from} ({@code from} when none); -1 past 7. */
    private static int digits(String line, int from) {
        int end = from;
        while (end < line.length() && isDigit(line.charAt(end))) {
            end++;
            if (end - from > MAX_DIGITS) {
                return -1;
            }
        }
        return end;
    }

    /** Where the number starts after {@code word} and whitespace opening {@code line} (as written or in capitals); -1 when not. */
    private static int word(String line, String word) {
        boolean written = line.startsWith(word) || line.regionMatches(0, word.toUpperCase(java.util.Locale.ROOT), 0, word.length());
        if (!written || line.length() <= word.length() || !isPatternSpace(line.charAt(word.length()))) {
            return -1;
        }
        return skipSpace(line, word.length());
    }

    /**
     * Where the text starts when {@code \s+(\S.*)$} follows at {@code at}; -1 when it does not. As in the
     * pattern, {@code \s} is ASCII whitespace and {@code .} stops at the line terminators a line split on
     * CR and LF still holds (NEL, LS, PS).
     */
    private static int afterSpace(String line, int at) {
        int start = skipSpace(line, at);
        if (start == at || start == line.length()) {
            return -1;
        }
        // the first character of the text is \S, which a terminator is; the rest is .*
        int rest = start + 1;
        boolean oneLine = line.indexOf('\u0085', rest) < 0 && line.indexOf('\u2028', rest) < 0
                && line.indexOf('\u2029', rest) < 0;
        return oneLine ? start : -1;
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && isPatternSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
