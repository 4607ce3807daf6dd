package dev.paracite.extractive;

import java.util.List;

/**
 * A unit with its analysed terms, computed once per paragraph rather than once per question: the terms
 * of what it is about ({@link Unit#focus}), of all its words, and of its window (the sentence with the
 * ones before and after it, or an item with its lead-in), where a question's words may be spread.
 */
record AnalyzedUnit(Unit unit, List<String> focusTerms, List<String> allTerms, List<String> windowTerms) {

    AnalyzedUnit {
        focusTerms = List.copyOf(focusTerms);
        allTerms = List.copyOf(allTerms);
        windowTerms = List.copyOf(windowTerms);
    }
}
