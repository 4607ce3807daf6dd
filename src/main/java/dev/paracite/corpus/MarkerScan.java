package dev.paracite.corpus;

/**
 * Scanning the marker that opens a line, by hand, for {@link LineKind} and {@link HeadingLine}: every
 * line of a document goes through here, so nothing is compiled or allocated.
 */
final class MarkerScan {

    private static final String TITLE_PUNCTUATION = ".:\u2014\u2013";
    static final int MAX_DIGITS = 7;

    private MarkerScan() {}

    /**
     * Where the title starts after a marker ending at {@code end} whose punctuation is optional: after
     * {@code . : — –} (spaces before it allowed) and whitespace, or after whitespace when the title is
     * capitalised; at the end of the line for a heading that has no title ({@code emptyTitle}); -1 otherwise.
     */
    static int titleStart(String line, int end, boolean emptyTitle) {
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
    static int digits(String line, int from) {
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
    static int word(String line, String word) {
        boolean written = line.startsWith(word) || inCapitals(line, word);
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
    static int afterSpace(String line, int at) {
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

    /** True when {@code line} opens with {@code word} (ASCII) in capitals. */
    private static boolean inCapitals(String line, String word) {
        if (line.length() < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char w = word.charAt(i);
            if (line.charAt(i) != (w >= 'a' && w <= 'z' ? (char) (w - 32) : w)) {
                return false;
            }
        }
        return true;
    }

    static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && isPatternSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isPatternSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
