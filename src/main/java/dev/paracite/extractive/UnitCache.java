package dev.paracite.extractive;

import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.Terms;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paragraphs split into analysed units, kept for the life of the model: a document's paragraphs never
 * change once loaded, and splitting and analysing them was most of the cost of an answer.
 */
final class UnitCache {

    private final Terms terms;
    private final Map<Paragraph, List<AnalyzedUnit>> units = new ConcurrentHashMap<>();

    UnitCache(Terms terms) {
        this.terms = terms;
    }

    List<AnalyzedUnit> of(Paragraph paragraph) {
        return units.computeIfAbsent(paragraph, p -> Units.of(p).stream()
                .map(u -> new AnalyzedUnit(u, terms.of(u.focus()), terms.of(u.context() + " " + u.own())))
                .toList());
    }
}
