package dev.paracite.assistant;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Passes streamed answer text on as it arrives, holding back a possible citation marker until it is
 * complete, so a marker split across pieces ("[1" then "2]") is never shown half-made and an invalid
 * one is never shown at all.
 */
final class StreamingCitations {

    /** An open bracket with no close after this many characters is not a marker. */
    private static final int MAX_MARKER = 82;

    private final Set<String> provided;
    private final Set<String> existing;
    private final Consumer<String> out;
    private final StringBuilder pending = new StringBuilder();

    StreamingCitations(Set<String> provided, Set<String> existing, Consumer<String> out) {
        this.provided = provided;
        this.existing = existing;
        this.out = out;
    }

    void accept(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        pending.append(piece);
        int open = pending.lastIndexOf("[");
        boolean openMarker = open >= 0 && pending.indexOf("]", open) < 0 && pending.length() - open <= MAX_MARKER;
        int safe = openMarker ? open : pending.length();
        emit(pending.substring(0, safe));
        pending.delete(0, safe);
    }

    void finish() {
        emit(pending.toString());
        pending.setLength(0);
    }

    private void emit(String text) {
        if (!text.isEmpty()) {
            String clean = CitationCheck.rewrite(text, provided, existing).text();
            if (!clean.isEmpty()) {
                out.accept(clean);
            }
        }
    }
}
