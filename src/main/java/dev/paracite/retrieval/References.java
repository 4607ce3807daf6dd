package dev.paracite.retrieval;

import java.util.List;

/**
 * Direct references found in a question ("paragraph 8", "§§ 12-14", "section III"): the labels that
 * exist, the references the document cannot satisfy (e.g. "paragraph 42"), and the question with the
 * references cut out, for ranking the rest.
 */
public record References(List<String> labels, List<String> missing, String remainder) {

    public References {
        labels = List.copyOf(labels);
        missing = List.copyOf(missing);
    }

    public boolean any() {
        return !labels.isEmpty() || !missing.isEmpty();
    }
}
