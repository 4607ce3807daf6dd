package dev.paracite.assistant;

import dev.paracite.retrieval.Retrieval;
import java.util.List;

/**
 * What a model answers from: the question as asked, the standalone form retrieval used (the same text
 * unless a follow-up was completed from the history), the chat so far, and what retrieval found.
 */
public record AnswerRequest(String question, String standalone, List<Turn> history, Retrieval retrieval) {

    public AnswerRequest(String question, Retrieval retrieval) {
        this(question, question, List.of(), retrieval);
    }
}
