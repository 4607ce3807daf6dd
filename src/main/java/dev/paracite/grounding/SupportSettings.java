package dev.paracite.grounding;

import java.util.EnumSet;
import java.util.Set;

/**
 * The thresholds and rules of the support check, chosen on the tuning half of
 * eval/support-calibration.jsonl and reported on the other half (eval/README.md, "Statement support";
 * the grid is the bench program {@code SupportCalibration}).
 *
 * @param lexical    share of the statement's content weight that, found in one passage of the
 *                   paragraph, supports it on words alone
 * @param floor      the least share that still counts when the meaning agrees ...
 * @param semantic   ... that is, when the statement's and the passage's embeddings are at least this similar
 * @param rules      the rules that reject a statement whatever its overlap
 */
public record SupportSettings(double lexical, double floor, double semantic, Set<Rule> rules) {

    /**
     * The most unsupported statements caught on the tuning half (0.844) while keeping at least 0.80 of the
     * supported ones (0.810), with the product's embedding model (BGE small); on the test half 0.813
     * caught, 0.754 kept. Words alone support a statement only when all of them are in the passage;
     * otherwise the meaning must agree (similarity 0.80 with the passage's clauses that hold its words)
     * and at least 0.20 of the words must be there.
     */
    public static final SupportSettings DEFAULT = new SupportSettings(1.0, 0.2, 0.8, EnumSet.allOf(Rule.class));

    public SupportSettings {
        rules = Set.copyOf(rules);
    }
}
