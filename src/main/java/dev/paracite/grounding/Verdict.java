package dev.paracite.grounding;

import java.util.Optional;

/** Whether a paragraph supports a statement: the supporting passage, or the reason it does not. */
public record Verdict(Optional<Evidence> evidence, String reason) {

    static Verdict yes(Evidence evidence) {
        return new Verdict(Optional.of(evidence), "");
    }

    static Verdict no(String reason) {
        return new Verdict(Optional.empty(), reason);
    }

    public boolean supported() {
        return evidence.isPresent();
    }
}
