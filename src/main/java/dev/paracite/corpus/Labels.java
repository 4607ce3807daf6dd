package dev.paracite.corpus;

import java.util.Locale;

/**
 * The one grammar of paragraph labels, for every part that reads them back (citation markers, references
 * in questions). The parser produces: a number ({@code 12}); a clause number ({@code 3.2.1}); a number
 * qualified by the numbered section it restarts in ({@code II.3}, {@code 2.3}); any of these with a
 * letter suffix when a number recurs with different text ({@code 4b} ... {@code 4z}, {@code 4aa}, ...);
 * and {@code preamble}.
 */
public final class Labels {

    /** A plain paragraph number, the only label a range ("12-14") runs over. */
    public static final String NUMBER = "\\d{1,7}";
    /** A numbered label (everything but the preamble), without groups; match it case-insensitively. */
    public static final String NUMBERED =
            "(?:[IVXLCDM]{1,15}\\.)?" + NUMBER + "(?:\\.\\d{1,7}){0,6}[a-z]{0,6}";
    /** Every label, without groups; match it case-insensitively and read a match with {@link #canonical}. */
    public static final String LABEL = "(?:" + NUMBERED + "|" + Paragraph.PREAMBLE + ")";

    private Labels() {}

    /** A label as the parser writes it, from a case-insensitive match of {@link #LABEL}: "ii.3B" is "II.3b". */
    public static String canonical(String written) {
        int dot = written.indexOf('.');
        boolean qualified = dot > 0 && !Character.isDigit(written.charAt(0));
        return qualified
                ? written.substring(0, dot).toUpperCase(Locale.ROOT) + written.substring(dot).toLowerCase(Locale.ROOT)
                : written.toLowerCase(Locale.ROOT);
    }

    /** The {@code n}th label (n >= 2) for a number that recurs with different text: 4b ... 4z, 4aa, 4ab, ... */
    static String suffixed(String label, int n) {
        StringBuilder suffix = new StringBuilder();
        for (int rest = n; rest > 0; rest = (rest - 1) / 26) {
            suffix.append((char) ('a' + (rest - 1) % 26));
        }
        return label + suffix.reverse();
    }

    /** The label of paragraph {@code number} in a section numbered {@code section} (roman or digits). */
    static String qualified(String section, String number) {
        return section + "." + number;
    }
}
