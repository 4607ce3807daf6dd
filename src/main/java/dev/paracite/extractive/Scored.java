package dev.paracite.extractive;

import java.util.Set;

/**
 * A unit scored against a question: the question terms it covers (with its lead-in), the share of the
 * question's weight that makes up, the share its focus covers ({@link Unit#focus}), and the share of
 * the question's adjacent term pairs its focus repeats.
 */
record Scored(Unit unit, int rank, Set<String> covered, double coverage, double ownCoverage, double phrase,
              boolean cued) {

    /**
     * Coverage decides; the focus counts extra, so a whole list wins when the question names what its
     * lead-in names and an item wins when the question names what the item says; repeated phrases, wording of the kind the question asks for (a reason for "why") and
     * retrieval rank break near-ties.
     */
    double score() {
        return coverage + 0.25 * ownCoverage + 0.1 * phrase + (cued ? 0.05 : 0) - 0.02 * rank;
    }
}
