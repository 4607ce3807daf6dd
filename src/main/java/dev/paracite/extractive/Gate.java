package dev.paracite.extractive;

import dev.paracite.text.Negations;
import dev.paracite.text.Quantifiers;
import java.util.List;
import java.util.Set;

/**
 * Whether the best candidate answers the question at all: measured from it, from how far it leads the
 * next one, and from the question's key terms the document and the paragraph lack (see
 * {@link #FEATURES}). The settings' gate weights turn these into a score; the model answers when it
 * reaches the threshold.
 */
final class Gate {

    private static final java.util.regex.Pattern NON_LETTER = java.util.regex.Pattern.compile("[^\\p{L}]+");

    /**
     * The ranker's score of the best candidate ({@code best}) and its lead over the second
     * ({@code margin}); the best candidate's {@code cover}, {@code own}, {@code semantic} and
     * {@code type}; the shares of the question's key terms missing from the document and from the best
     * candidate's paragraph; the weight share of the heaviest question term its window lacks
     * ({@code uncovered}); 1 when the question is negated and the candidate not, or the other way round
     * ({@code negation}); 1 when the question states a number the paragraph does not ({@code numbers}); 1
     * when the question says "only", "first", "never" or the like and the best candidate's passage does not
     * ({@code quantifier}).
     */
    static final List<String> FEATURES = List.of("best", "margin", "cover", "own", "semantic", "type", "keysDocument",
            "keysParagraph", "uncovered", "negation", "numbers", "quantifier");

    private Gate() {}

    static double[] features(List<Candidate> ranked, Asked asked, String question) {
        Candidate best = ranked.get(0);
        double margin = ranked.size() > 1 ? best.score() - ranked.get(1).score() : 1;
        double uncovered = 0;
        for (String term : asked.weights().keySet()) {
            if (!best.covered().contains(term)) {
                uncovered = Math.max(uncovered, asked.share(Set.of(term)));
            }
        }
        boolean negation = Negations.in(question) != Negations.in(best.text());
        List<String> words = List.of(NON_LETTER.split(best.text().toLowerCase(java.util.Locale.ROOT)));
        boolean quantifier = Quantifiers.in(question).stream().anyMatch(q -> !Quantifiers.said(words, q));
        return new double[] {best.score(), Math.min(margin, 5), best.cover(), best.own(), best.feature("semantic"),
                best.feature("type"), best.feature("keysDocument"), best.feature("keysParagraph"), uncovered,
                negation ? 1 : 0, best.feature("numbers"), quantifier ? 1 : 0};
    }
}
