package dev.paracite.eval;

import java.util.List;

/**
 * One question's answer and its scores. Metrics that do not apply (citation recall of an unanswerable
 * question, precision of an answer without citations) are null.
 */
public record QuestionResult(
        String id, String document, String kind, String question, boolean answerable, List<String> gold,
        String outcome, String answer, List<String> cited, List<String> retrieved,
        Double recallAt1, Double recallAt5, Double mrrAt10, Double citationRecall, Double citationPrecision,
        int sentences, int supportedSentences, int citations, int supportingCitations, int droppedStatements,
        int factGroups, int factsFound, int invalidCitations, int labelledSupported, int labelledSupportedShown,
        int labelledUnsupported, int labelledUnsupportedShown, double latencyMs, boolean passed, String failure) {

    public QuestionResult {
        gold = List.copyOf(gold);
        cited = List.copyOf(cited);
        retrieved = List.copyOf(retrieved);
    }

    boolean answered() {
        return "answered".equals(outcome);
    }

    /** Answered, citing at least one gold paragraph. */
    boolean citesGold() {
        return answered() && cited.stream().anyMatch(gold::contains);
    }
}
