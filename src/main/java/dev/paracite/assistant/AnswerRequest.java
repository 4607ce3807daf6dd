package dev.paracite.assistant;

import dev.paracite.retrieval.Retrieval;
import java.util.List;

/**
 * What a model answers from: the question as asked, the standalone form retrieval used (the same text
 * unless a follow-up was completed from the history), the chat so far, what retrieval found, and the
 * call it answers in (its deadline and whether anyone still waits).
 */
public record AnswerRequest(String question, String standalone, List<Turn> history, Retrieval retrieval, Call call) {

    /** A call of its own. */
    public AnswerRequest(String question, String standalone, List<Turn> history, Retrieval retrieval) {
        this(question, standalone, history, retrieval, Call.start());
    }

    public AnswerRequest(String question, Retrieval retrieval) {
        this(question, question, List.of(), retrieval);
    }
}
