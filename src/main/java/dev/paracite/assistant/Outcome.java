package dev.paracite.assistant;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a question ended: answered with at least one valid citation, or not answerable from the document. */
public enum Outcome {
    ANSWERED("answered"), NOT_IN_DOCUMENT("not_in_document");

    private final String wire;

    Outcome(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
