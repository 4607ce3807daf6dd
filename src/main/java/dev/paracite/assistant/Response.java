package dev.paracite.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer to one question, in the shape the CLI's --json and the HTTP API return. {@code notice}
 * appears only when something about the answer needs saying, e.g. that the configured model was
 * unavailable and another answered.
 */
public record Response(Outcome outcome, String answer, List<Cited> citations, List<Retrieved> retrieved,
                       List<DroppedCitation> droppedCitations, String model, String document, Timings timings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {

    public Response(Outcome outcome, String answer, List<Cited> citations, List<Retrieved> retrieved,
                    List<DroppedCitation> droppedCitations, String model, String document, Timings timings) {
        this(outcome, answer, citations, retrieved, droppedCitations, model, document, timings, null);
    }

    public Response {
        citations = List.copyOf(citations);
        retrieved = List.copyOf(retrieved);
        droppedCitations = List.copyOf(droppedCitations);
    }

    /** A paragraph the answer cites. */
    public record Cited(String paragraph, String section, String text) {}

    /** A paragraph retrieval passed to the model, with its BM25 score (0 for a named paragraph BM25 did not rank). */
    public record Retrieved(String paragraph, String section, double score, String text) {}

    /** A citation removed from the answer, and why. */
    public record DroppedCitation(String paragraph, String reason) {}

    /** Milliseconds spent retrieving, in the model, and in all. */
    public record Timings(double retrievalMs, double modelMs, double totalMs) {}
}
