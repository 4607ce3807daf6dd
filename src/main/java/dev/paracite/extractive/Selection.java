package dev.paracite.extractive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses what the extractive model quotes from ranked candidates: the best one, then units that add
 * question terms still missing (a question with several parts, an answer spread over two paragraphs),
 * each scoring at least {@link ExtractiveSettings#extra}. Overlapping units and the length budget are
 * respected throughout.
 */
final class Selection {

    private final Asked asked;
    private final ExtractiveSettings settings;
    private final List<Candidate> picked = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();
    private int length;

    private Selection(Asked asked, ExtractiveSettings settings) {
        this.asked = asked;
        this.settings = settings;
    }

    static List<Unit> pick(List<Candidate> ranked, Asked asked, ExtractiveSettings settings) {
        Selection selection = new Selection(asked, settings);
        selection.add(ranked.get(0));
        for (Candidate next = selection.mostGain(ranked); next != null; next = selection.mostGain(ranked)) {
            selection.add(next);
        }
        return selection.picked.stream().map(Candidate::unit).toList();
    }

    private Candidate mostGain(List<Candidate> ranked) {
        Candidate next = null;
        double bestGain = settings.minGain();
        for (Candidate c : ranked) {
            Set<String> union = new HashSet<>(covered);
            union.addAll(c.covered());
            double gain = asked.share(union) - asked.share(covered);
            if (gain >= bestGain && c.own() >= settings.minOwn() && c.score() >= settings.extra() && fits(c)) {
                next = c;
                bestGain = gain;
            }
        }
        return next;
    }

    private boolean fits(Candidate c) {
        return picked.size() < settings.maxUnits() && length + c.unit().display().length() <= settings.budget()
                && picked.stream().noneMatch(p -> p.unit().overlaps(c.unit()));
    }

    private void add(Candidate c) {
        picked.add(c);
        covered.addAll(c.covered());
        length += c.unit().display().length();
    }
}
