package dev.paracite.assistant;

import java.util.List;

/** Turns a follow-up into a standalone question using the chat so far. */
public interface Condenser {

    /** The question itself when there is no history or nothing to complete. */
    String standalone(String question, List<Turn> history);

    /** The same within {@code call}: a condenser that asks a model keeps to its deadline and cancellation. */
    default String standalone(String question, List<Turn> history, Call call) {
        return standalone(question, history);
    }
}
