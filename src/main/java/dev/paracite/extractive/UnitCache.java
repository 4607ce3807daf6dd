package dev.paracite.extractive;

import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.Terms;
import java.util.ArrayList;
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
        return units.computeIfAbsent(paragraph, this::analyse);
    }

    private List<AnalyzedUnit> analyse(Paragraph paragraph) {
        List<Unit> all = Units.of(paragraph);
        List<AnalyzedUnit> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Unit u = all.get(i);
            List<String> own = terms.of(u.context() + " " + u.own());
            List<String> window = new ArrayList<>(own);
            if (u.list() < 0) {
                neighbour(all, i, -1).ifPresent(n -> window.addAll(terms.of(n.own())));
                neighbour(all, i, +1).ifPresent(n -> window.addAll(terms.of(n.own())));
            }
            out.add(new AnalyzedUnit(u, terms.of(u.focus()), own, window));
        }
        return List.copyOf(out);
    }

    /** The sentence just before or after unit {@code i} (not part of a list), if there is one. */
    private static java.util.Optional<Unit> neighbour(List<Unit> all, int i, int step) {
        int position = all.get(i).position() + step;
        return all.stream().filter(u -> u.position() == position && u.list() < 0).findFirst();
    }
}
