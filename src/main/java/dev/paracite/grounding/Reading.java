package dev.paracite.grounding;

import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.text.Numbers;
import dev.paracite.text.Sentences;
import dev.paracite.text.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What checking statements against a paragraph needs from the paragraph alone: its candidate
 * passages, each analysed, and its words. Read once per paragraph text and kept, as the same
 * paragraphs are cited question after question.
 */
record Reading(List<Passage> passages, List<String> words) {

    static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A candidate supporting passage: the span a citation points at, the text it is judged by (the same,
     * or for a list item its lead-in and the item), and that text analysed: its terms, numbers, denied
     * terms, content tokens, lower-case form and whether it has a passive's "by"; with the words of the
     * span (positions, and each word's term or "#number") that a citation is narrowed to.
     */
    record Passage(Span span, String text, List<String> terms, Set<String> numbers, Set<String> negated,
                   List<String[]> tokens, String lower, boolean passive, List<Span> wordSpans, List<String> units) {

        static Passage of(Span span, String text, String paragraphText) {
            List<Span> wordSpans = new ArrayList<>();
            List<String> units = new ArrayList<>();
            Matcher m = Claim.TOKEN.matcher(paragraphText).region(span.start(), span.end());
            while (m.find()) {
                wordSpans.add(new Span(m.start(), m.end()));
                units.add(Claim.unit(m.group()));
            }
            return new Passage(span, text, TextAnalysis.terms(text), Numbers.of(text), Claim.negated(text),
                    Claim.tokens(text), text.toLowerCase(Locale.ROOT), Claim.passive(text),
                    List.copyOf(wordSpans), List.copyOf(units));
        }
    }

    static Reading of(String text) {
        return new Reading(passages(text), words(text));
    }

    /** The lower-case words of {@code text}. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /**
     * One sentence, two adjacent ones, a list item read after the lead-in (ending in ":") it hangs from,
     * or the whole paragraph.
     */
    private static List<Passage> passages(String text) {
        List<Span> sentences = Sentences.split(text);
        List<Passage> out = new ArrayList<>();
        Set<Span> seen = new HashSet<>();
        String leadIn = null;
        for (int i = 0; i < sentences.size(); i++) {
            Span sentence = sentences.get(i);
            String own = sentence.of(text);
            boolean item = leadIn != null && i > 0 && text.substring(sentences.get(i - 1).end(), sentence.start()).contains("\n");
            add(out, seen, sentence, item ? leadIn + " " + own : own, text);
            if (i + 1 < sentences.size()) {
                Span pair = new Span(sentence.start(), sentences.get(i + 1).end());
                add(out, seen, pair, pair.of(text), text);
            }
            if (own.strip().endsWith(":")) {
                leadIn = own;
            } else if (!item || own.strip().endsWith(".")) {
                leadIn = null; // a plain sentence, or the list's last item, ends the list
            }
        }
        if (!sentences.isEmpty()) {
            Span whole = new Span(sentences.get(0).start(), sentences.get(sentences.size() - 1).end());
            add(out, seen, whole, whole.of(text), text);
        }
        return List.copyOf(out);
    }

    private static void add(List<Passage> out, Set<Span> seen, Span span, String passageText, String paragraphText) {
        if (seen.add(span)) {
            out.add(Passage.of(span, passageText, paragraphText));
        }
    }
}
