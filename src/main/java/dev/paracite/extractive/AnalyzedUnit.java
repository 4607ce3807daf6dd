package dev.paracite.extractive;

import java.util.List;

/** A unit with its analysed terms, computed once per paragraph rather than once per question. */
record AnalyzedUnit(Unit unit, List<String> focusTerms, List<String> allTerms) {

    AnalyzedUnit {
        focusTerms = List.copyOf(focusTerms);
        allTerms = List.copyOf(allTerms);
    }
}
