package dev.paracite.extractive;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Writes picked units as answer text: in reading order, each ending with its paragraph marker. */
final class Answers {

    private Answers() {}

    static String render(List<Unit> units) {
        return units.stream()
                .sorted(Comparator.comparingInt((Unit u) -> u.label().equals("preamble") ? -1 : order(u.label()))
                        .thenComparingInt(Unit::position))
                .map(u -> capitalize(u.display()) + " [" + u.label() + "].")
                .collect(Collectors.joining(" "));
    }

    private static int order(String label) {
        String digits = label.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1);
    }
}
