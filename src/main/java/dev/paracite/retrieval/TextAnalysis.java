package dev.paracite.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text analysed the way the index analyses it (the product's {@link RetrievalSettings#BM25} stemmer),
 * for comparing a statement with a paragraph without an index at hand; and the one rule for when two
 * analysed terms count as the same word.
 */
public final class TextAnalysis {

    private static final Analyzer ANALYZER = new ParagraphAnalyzer(RetrievalSettings.BM25.stemming());
    static final int MIN_PREFIX = 5;
    /** Derivational endings Porter leaves on: "settlement" stays whole while "settling" is "settl". */
    private static final Set<String> SUFFIXES = Set.of("ment", "ments", "ement", "e", "al", "ion", "ation", "ing",
            "ive", "ity", "ence", "ance", "i", "y", "ic", "ical", "n", "an", "ian");
    /** A compound's last part must be this long to count ("parliamentari" in "interparliamentari"). */
    static final int MIN_COMPOUND = 8;

    private TextAnalysis() {}

    /** The analysed terms of {@code text}, in order, stop words removed. */
    public static List<String> terms(String text) {
        return analyze(ANALYZER, text);
    }

    /**
     * Whether two analysed terms are the same word: equal, one a derivation of the other (Porter leaves
     * "economy" as "economi" but "economic" as "econom"; "Russia" and "Russian"), or a compound ending
     * in the other ("interparliamentary" for "parliamentary").
     */
    public static boolean sameWord(String a, String b) {
        return a.equals(b) || derived(a, b) || derived(b, a)
                || a.length() >= MIN_COMPOUND && b.length() > a.length() + 2 && b.endsWith(a);
    }

    private static boolean derived(String stem, String word) {
        return stem.length() >= MIN_PREFIX && word.startsWith(stem) && SUFFIXES.contains(word.substring(stem.length()));
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneParagraphSearch.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
