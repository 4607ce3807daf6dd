package dev.paracite.extractive;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses what the extractive model quotes from ranked units: the best one; every other paragraph's
 * best unit that also answers the whole question on its own; then units that add question terms still
 * missing. Overlapping units and the length budget are respected throughout.
 */
final class Selection {

    static final int MAX_UNITS = 3;
    /** Coverage at which a unit answers the whole question by itself. */
    static final double FULL = 0.9;
    /** A unit added for missing terms must add this much coverage... */
    static final double MIN_GAIN = 0.2;
    /** ...and cover this much of the question with its own words, not just its lead-in. */
    static final double MIN_OWN = 0.5;

    private final Coverage coverage;
    private final List<Scored> picked = new ArrayList<>();
    private final Set<String> covered = new HashSet<>();
    private int length;

    private Selection(Coverage coverage) {
        this.coverage = coverage;
    }

    static List<Unit> pick(List<Scored> ranked, Coverage coverage) {
        Selection selection = new Selection(coverage);
        Scored best = ranked.get(0);
        selection.add(best);
        if (best.coverage() >= FULL) {
            for (Scored s : ranked) {
                if (s.coverage() >= FULL && s.ownCoverage() >= FULL && selection.newParagraph(s) && selection.fits(s)) {
                    selection.add(s);
                }
            }
        }
        for (Scored next = selection.mostGain(ranked); next != null; next = selection.mostGain(ranked)) {
            selection.add(next);
        }
        return selection.picked.stream().map(Scored::unit).toList();
    }

    private Scored mostGain(List<Scored> ranked) {
        Scored next = null;
        double bestGain = MIN_GAIN;
        for (Scored s : ranked) {
            Set<String> union = new HashSet<>(covered);
            union.addAll(s.covered());
            double gain = coverage.share(union) - coverage.share(covered);
            if (gain >= bestGain && s.ownCoverage() >= MIN_OWN && fits(s)) {
                next = s;
                bestGain = gain;
            }
        }
        return next;
    }

    private boolean fits(Scored s) {
        return picked.size() < MAX_UNITS && length + s.unit().display().length() <= ExtractiveModel.BUDGET
                && picked.stream().noneMatch(p -> p.unit().overlaps(s.unit()));
    }

    private boolean newParagraph(Scored s) {
        return picked.stream().noneMatch(p -> p.unit().label().equals(s.unit().label()));
    }

    private void add(Scored s) {
        picked.add(s);
        covered.addAll(s.covered());
        length += s.unit().display().length();
    }
}
