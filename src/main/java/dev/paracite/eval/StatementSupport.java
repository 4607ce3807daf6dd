package dev.paracite.eval;

import dev.paracite.assistant.CitationMarker;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statement support after ALCE, without gold labels: the answer is split into sentences; a sentence is
 * supported when it carries a citation and the cited paragraphs hold at least {@link #THRESHOLD} of its
 * content words, every number it states, and a negation if it has one. A citation supports its
 * sentence when its paragraph alone passes the same test.
 */
public final class StatementSupport {

    /**
     * Calibrated on eval/support-calibration.jsonl (22 hand-labelled sentence-paragraph pairs): 0.6 labels
     * 21 correctly; its one miss ("The ruble should replace all national currencies") shares 4 of 6
     * content words with the paragraph, which word overlap cannot tell from support. 0.55 ties, 0.65
     * also rejects a fair paraphrase, 0.7 and 0.75 tie by trading the miss for that paraphrase; 0.6 errs towards
     * accepting paraphrase, since models paraphrase more than they invent.
     */
    public static final double THRESHOLD = 0.6;

    /** Counts over one answer. */
    public record Counts(int sentences, int supported, int citations, int supporting) {}

    private StatementSupport() {}

    public static Counts of(String answer, Map<String, String> paragraphs) {
        int sentences = 0;
        int supported = 0;
        int citations = 0;
        int supporting = 0;
        for (String sentence : sentences(answer)) {
            sentences++;
            List<CitationMarker> markers = CitationMarker.find(sentence);
            String claim = sentence.replaceAll("\\[[^\\[\\]]*]", " ");
            Set<String> labels = new HashSet<>();
            markers.forEach(m -> labels.addAll(m.labels()));
            StringBuilder cited = new StringBuilder();
            for (String label : labels) {
                String text = paragraphs.get(label);
                citations++;
                if (text != null) {
                    cited.append(text).append('\n');
                    supporting += supports(claim, text) ? 1 : 0;
                }
            }
            supported += !labels.isEmpty() && supports(claim, cited.toString()) ? 1 : 0;
        }
        return new Counts(sentences, supported, citations, supporting);
    }

    /** Whether {@code evidence} backs {@code claim}: enough content words, all numbers, matching negation. */
    public static boolean supports(String claim, String evidence) {
        return supports(claim, evidence, THRESHOLD);
    }

    static boolean supports(String claim, String evidence, double threshold) {
        Set<String> words = Words.content(claim);
        if (words.isEmpty()) {
            return false;
        }
        Set<String> found = new HashSet<>(words);
        found.retainAll(Words.content(evidence));
        boolean numbers = Words.numbers(evidence).containsAll(Words.numbers(claim));
        return found.size() >= threshold * words.size() && numbers
                && Words.negated(claim) == Words.negated(closestSentence(words, evidence));
    }

    /** The evidence sentence sharing most content words with the claim: where its negation must agree. */
    private static String closestSentence(Set<String> claimWords, String evidence) {
        String best = "";
        int bestShared = -1;
        for (String sentence : evidence.split("(?<=[.!?;:])\\s+|\n")) {
            Set<String> shared = new HashSet<>(Words.content(sentence));
            shared.retainAll(claimWords);
            if (shared.size() > bestShared) {
                best = sentence;
                bestShared = shared.size();
            }
        }
        return best;
    }

    static List<String> sentences(String answer) {
        return java.util.Arrays.stream(answer.strip().split("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"“(])"))
                .filter(s -> !s.isBlank()).toList();
    }
}
