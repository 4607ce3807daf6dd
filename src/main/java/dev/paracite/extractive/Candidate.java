package dev.paracite.extractive;

import java.util.List;
import java.util.Set;

/**
 * A unit of a retrieved paragraph considered as an answer, with what was measured of it against the
 * question (see {@link #FEATURES}) and its score under the model's weights.
 *
 * @param rank     the paragraph's place in the retrieval ranking (0 is first)
 * @param covered  the question terms its window holds
 * @param features values in the order of {@link #FEATURES}
 */
public record Candidate(String label, String text, int rank, Set<String> covered, double[] features, double score,
                        Unit unit) {

    /**
     * What is measured: the share of the question's weight the unit's window holds ({@code cover}) and
     * the unit alone ({@code own}); the embedding similarity of question and unit ({@code semantic}) and
     * question and paragraph ({@code paragraph}); 1 / (1 + retrieval rank); +1 or -1 when the question
     * asks for a kind of fact (a date, a figure, who) and the unit has or lacks wording of that kind, else
     * 0; the share of the question's key terms the document lacks ({@code keysDocument}) and the
     * paragraph lacks ({@code keysParagraph}); the share of the question's adjacent term pairs the unit
     * repeats ({@code phrase}); 1 when the question states a number the paragraph does not ({@code numbers}).
     */
    public static final List<String> FEATURES = List.of("cover", "own", "semantic", "paragraph", "rank", "type",
            "keysDocument", "keysParagraph", "phrase", "numbers");

    public Candidate {
        covered = Set.copyOf(covered);
        features = features.clone();
    }

    public double feature(String name) {
        return features[FEATURES.indexOf(name)];
    }

    double cover() {
        return features[0];
    }

    double own() {
        return features[1];
    }
}
