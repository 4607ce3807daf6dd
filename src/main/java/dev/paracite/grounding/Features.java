package dev.paracite.grounding;

import dev.paracite.text.Span;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the support check measured for one statement and one paragraph: the best passage, the share of
 * the statement's weight it holds, the embeddings' similarity (NaN when not computed), and the rules
 * the pair breaks with the first reason.
 */
public record Features(String paragraph, Span span, double lexical, double semantic, Set<Rule> violated,
                       String reason) {

    static Features empty(String paragraph, String reason) {
        return new Features(paragraph, null, 0, Double.NaN, EnumSet.noneOf(Rule.class), reason);
    }
}
