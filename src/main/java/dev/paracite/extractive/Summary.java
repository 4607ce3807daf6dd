package dev.paracite.extractive;

import dev.paracite.retrieval.Hit;
import java.util.ArrayList;
import java.util.List;

/** What the extractive model quotes for "what does paragraph 8 say": the opening units of each named paragraph. */
final class Summary {

    private Summary() {}

    static List<Unit> of(List<Hit> named, int budget) {
        List<List<Unit>> perParagraph = named.stream().map(h -> readable(Units.of(h.paragraph()))).toList();
        List<Unit> picked = new ArrayList<>();
        int length = 0;
        for (int depth = 0; ; depth++) {
            boolean added = false;
            for (List<Unit> units : perParagraph) {
                if (depth < units.size()) {
                    Unit unit = units.get(depth);
                    if (depth == 0 || length + unit.display().length() <= budget) {
                        picked.add(unit);
                        length += unit.display().length();
                        added = true;
                    }
                }
            }
            if (!added) {
                return picked;
            }
        }
    }

    /** Units in reading order, a whole list standing in for its items. */
    private static List<Unit> readable(List<Unit> units) {
        return units.stream()
                .filter(u -> u.whole() || u.list() < 0 || units.stream().noneMatch(w -> w.whole() && w.list() == u.list()))
                .toList();
    }
}
