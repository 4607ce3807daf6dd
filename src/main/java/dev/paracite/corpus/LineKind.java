package dev.paracite.corpus;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the two structural lines of a document: numbered paragraph starts ({@code 12. text}) and
 * roman-numeral headings ({@code IV. Title}). Both read as {@code MARKER\.\s+(\S.*)$} with the marker
 * 1-7 ASCII digits or 1-8 of {@code IVXLCDMY}; that pattern is matched by hand here, because every line
 * of a document is tried (LineKindTest holds the two to the same answers).
 */
final class LineKind {

    private static final String NUMERAL_LETTERS = "IVXLCDMY";
    private static final Pattern ROMAN =
            Pattern.compile("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$");

    /** What a line opens: a numbered paragraph or a section. */
    sealed interface Opening permits Numbered, Heading {}

    /** A numbered line: its number and the text after {@code "N. "}. */
    record Numbered(int number, String text) implements Opening {}

    /** A heading with its numeral as written and as read (IY is read as IV, a common OCR slip). */
    record Heading(String written, String numeral, String title) implements Opening {
        String normalized() {
            return numeral + ". " + title;
        }
    }

    private LineKind() {}

    /** The paragraph or section {@code line} opens; empty for a line of plain text. */
    static Optional<Opening> opening(String line) {
        Optional<Opening> numbered = numbered(line).map(Opening.class::cast);
        return numbered.isPresent() ? numbered : heading(line).map(Opening.class::cast);
    }

    static Optional<Numbered> numbered(String line) {
        int digits = 0;
        while (digits < line.length() && digits <= 7 && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        int text = digits <= 7 ? textStart(line, digits) : -1;
        return text < 0 ? Optional.empty()
                : Optional.of(new Numbered(Integer.parseInt(line, 0, digits, 10), line.substring(text)));
    }

    static Optional<Heading> heading(String line) {
        int letters = 0;
        while (letters < line.length() && letters <= 8 && NUMERAL_LETTERS.indexOf(line.charAt(letters)) >= 0) {
            letters++;
        }
        int text = letters <= 8 ? textStart(line, letters) : -1;
        if (text < 0) {
            return Optional.empty();
        }
        String written = line.substring(0, letters);
        String numeral = isRoman(written) ? written : written.replace('Y', 'V');
        return isRoman(numeral) ? Optional.of(new Heading(written, numeral, line.substring(text))) : Optional.empty();
    }

    /**
     * Where the text starts when a marker of {@code marker} characters opens {@code line} and is followed
     * by {@code \.\s+(\S.*)$}; -1 when it is not. As in the pattern, {@code \s} is ASCII whitespace and
     * {@code .} stops at the line terminators a line split on CR and LF still holds (NEL, LS, PS).
     */
    private static int textStart(String line, int marker) {
        if (marker == 0 || marker >= line.length() || line.charAt(marker) != '.') {
            return -1;
        }
        int start = marker + 1;
        while (start < line.length() && isPatternSpace(line.charAt(start))) {
            start++;
        }
        if (start == marker + 1 || start == line.length()) {
            return -1;
        }
        // the first character of the text is \S, which a terminator is; the rest is .*
        int rest = start + 1;
        boolean oneLine = line.indexOf('\u0085', rest) < 0 && line.indexOf('\u2028', rest) < 0
                && line.indexOf('\u2029', rest) < 0;
        return oneLine ? start : -1;
    }

    private static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isRoman(String s) {
        return !s.isEmpty() && ROMAN.matcher(s).matches();
    }
}
