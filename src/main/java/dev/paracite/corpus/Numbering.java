package dev.paracite.corpus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a document restarts its paragraph numbers in each numbered section (chapter I: 1, 2, 3;
 * chapter II: 1, 2, ...). It does when, after a new numbered heading, the first paragraph takes again the
 * number the document's numbering started at. Then every paragraph under a numbered heading is labelled
 * by heading and number ({@code II.3}), from the first chapter on, so the labels read the same everywhere.
 */
final class Numbering {

    private Numbering() {}

    static boolean restartsPerSection(List<Block> blocks) {
        Set<String> headings = new HashSet<>();
        String first = null;
        boolean sectionStarted = false;
        for (Block block : blocks) {
            if (block.opening() instanceof LineKind.Heading heading) {
                // a heading repeated verbatim is dropped by the parser and starts nothing
                if (headings.add(heading.normalized())) {
                    sectionStarted = !heading.numeral().isEmpty();
                }
            } else if (block.opening() instanceof LineKind.Numbered numbered && numbered.plain()) {
                if (first == null) {
                    first = numbered.number();
                } else if (sectionStarted && numbered.number().equals(first)) {
                    return true;
                }
                sectionStarted = false;
            }
        }
        return false;
    }
}
