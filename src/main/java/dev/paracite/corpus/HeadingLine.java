package dev.paracite.corpus;

import static dev.paracite.corpus.MarkerScan.MAX_DIGITS;
import static dev.paracite.corpus.MarkerScan.afterSpace;
import static dev.paracite.corpus.MarkerScan.isDigit;
import static dev.paracite.corpus.MarkerScan.isPatternSpace;
import static dev.paracite.corpus.MarkerScan.titleStart;
import static dev.paracite.corpus.MarkerScan.word;

import java.util.Optional;

/** Reads section headings: {@code IV. Title}, {@code Chapter 2: Title}, {@code PART III}, {@code ## Title}. */
final class HeadingLine {

    private static final String NUMERAL_LETTERS = "IVXLCDMY";
    private static final String[] HEADING_WORDS = {"Chapter", "Part", "Section"};

    private HeadingLine() {}

    static Optional<LineKind.Heading> read(String line) {
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
    private static Optional<LineKind.Heading> roman(String line) {
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
        return Numerals.isRoman(numeral) ? Optional.of(new LineKind.Heading("", written, numeral, line.substring(text)))
                : Optional.empty();
    }

    /** {@code Chapter 2}, {@code CHAPTER II: Title}, {@code Part 3 — Title}: the title may be left out. */
    private static Optional<LineKind.Heading> numberedHeading(String kind, String line, int from) {
        int end = from;
        while (end < line.length() && end - from < MAX_DIGITS
                && (isDigit(line.charAt(end)) || NUMERAL_LETTERS.indexOf(line.charAt(end)) >= 0)) {
            end++;
        }
        String numeral = line.substring(from, end);
        if (Numerals.value(numeral) < 0) {
            return Optional.empty();
        }
        int text = titleStart(line, end, true);
        return text < 0 ? Optional.empty()
                : Optional.of(new LineKind.Heading(kind, numeral, numeral, line.substring(text)));
    }

    /** {@code ## Title}, its closing #s left out; a title that is itself a heading ({@code # Chapter 2}) is read as one. */
    private static Optional<LineKind.Heading> markdown(String line) {
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
        Optional<LineKind.Heading> inner = title.startsWith("#") ? Optional.empty() : read(title);
        return inner.isPresent() ? inner : Optional.of(new LineKind.Heading("#", "", "", title));
    }
}
