package dev.paracite.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one sentence splitter: cuts text into statements (sentences and list items) for the extractive
 * model's quotes, the grounding check of every answer, and the evaluation. Every line is at least one
 * statement; within a line a sentence ends at {@code . ! ?} (after any closing quotes) followed by
 * the start of another sentence, but not after an abbreviation ("e.g.", "No."), an initial ("James
 * O. Smith"), a dotted acronym ("U.S.") or a list number at the start of a line ("1. "). Citation
 * markers right after a sentence's end ("... currency. [8]"), or alone on the next line, belong to
 * that sentence.
 */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "etc", "cf", "vs", "viz", "approx", "al",
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "rev", "hon", "mt", "ft",
            "no", "nos", "art", "arts", "para", "paras", "sec", "secs", "ch", "fig", "figs", "vol", "vols", "p", "pp",
            "ed", "eds", "inc", "ltd", "co", "corp", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u");
    /** A citation marker as a bracketed run; which brackets are markers is the citation grammar's business. */
    private static final Pattern MARKER = Pattern.compile("\\[[^\\[\\]\\n]{1,80}]");
    private static final Pattern ONLY_MARKERS = Pattern.compile("(?:\\s*\\[[^\\[\\]\\n]{1,80}][.,;:]?)+\\s*");
    private static final String CLOSERS = ")”’\"'»";
    private static final String OPENERS = "“‘\"'(«[";

    private Sentences() {}

    /** The statements of {@code text}, in order, each without surrounding whitespace. */
    public static List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            line(text, lineStart, lineEnd, out);
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return out;
    }

    /** The statements of {@code text} as strings. */
    public static List<String> of(String text) {
        return split(text).stream().map(s -> s.of(text)).toList();
    }

    private static void line(String text, int from, int to, List<Span> out) {
        int start = skipSpace(text, from, to);
        int end = trimEnd(text, start, to);
        if (start >= end) {
            return;
        }
        if (!out.isEmpty() && ONLY_MARKERS.matcher(text).region(start, end).matches()) {
            Span previous = out.remove(out.size() - 1);
            out.add(new Span(previous.start(), end));
            return;
        }
        int sentence = start;
        for (int p = start; p < end; p++) {
            char c = text.charAt(p);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int after = afterEnd(text, p + 1, end);
            int next = skipSpace(text, after, end);
            if (next == after || next >= end || !startsSentence(text.charAt(next))) {
                continue;
            }
            if (c == '.' && !endsSentence(text, start, p)) {
                continue;
            }
            out.add(new Span(sentence, trimEnd(text, sentence, after)));
            sentence = next;
            p = next - 1;
        }
        out.add(new Span(sentence, end));
    }

    /** Past closing quotes and brackets, and past citation markers that follow the sentence's end. */
    private static int afterEnd(String text, int at, int end) {
        int i = at;
        while (i < end && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        while (true) {
            int j = skipSpace(text, i, end);
            Matcher m = MARKER.matcher(text).region(j, end);
            if (!m.lookingAt()) {
                return i;
            }
            i = m.end();
            if (i < end && ".,;:".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
        }
    }

    /** Whether the period at {@code dot} ends a sentence, given the word before it. */
    private static boolean endsSentence(String text, int lineStart, int dot) {
        int w = dot;
        while (w > lineStart && (Character.isLetterOrDigit(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot);
        if (word.isEmpty()) {
            return true;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(lower)) {
            return false;
        }
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return false; // an initial: "James O. Smith"
        }
        if (word.matches("(?:\\p{L}\\.)+\\p{L}")) {
            return false; // a dotted acronym: "U.S", "e.g"
        }
        boolean listNumber = word.matches("\\d{1,3}|[ivxlcIVXLC]{1,5}") && onlyBulletBefore(text, lineStart, w);
        return !listNumber;
    }

    private static boolean onlyBulletBefore(String text, int lineStart, int at) {
        for (int i = lineStart; i < at; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && "-*•(".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || OPENERS.indexOf(c) >= 0 || Character.isTitleCase(c);
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
