package dev.paracite.corpus;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the two structural lines of a document: numbered paragraph starts and roman-numeral headings. */
final class LineKind {

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,7})\\.\\s+(\\S.*)$");
    private static final Pattern HEADING = Pattern.compile("^([IVXLCDMY]{1,8})\\.\\s+(\\S.*)$");
    private static final Pattern ROMAN =
            Pattern.compile("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$");

    /** A numbered line: its number and the text after {@code "N. "}. */
    record Numbered(int number, String text) {}

    /** A heading with its numeral as written and as read (IY is read as IV, a common OCR slip). */
    record Heading(String written, String numeral, String title) {
        String normalized() {
            return numeral + ". " + title;
        }
    }

    private LineKind() {}

    static Optional<Numbered> numbered(String line) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) {
            return Optional.empty();
        }
        Matcher m = NUMBERED.matcher(line);
        return m.matches() ? Optional.of(new Numbered(Integer.parseInt(m.group(1)), m.group(2))) : Optional.empty();
    }

    static Optional<Heading> heading(String line) {
        if (line.isEmpty() || "IVXLCDMY".indexOf(line.charAt(0)) < 0) {
            return Optional.empty();
        }
        Matcher m = HEADING.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String written = m.group(1);
        String numeral = isRoman(written) ? written : written.replace('Y', 'V');
        return isRoman(numeral) ? Optional.of(new Heading(written, numeral, m.group(2))) : Optional.empty();
    }

    private static boolean isRoman(String s) {
        return !s.isEmpty() && ROMAN.matcher(s).matches();
    }
}
