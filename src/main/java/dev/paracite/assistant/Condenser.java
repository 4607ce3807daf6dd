package dev.paracite.assistant;

import java.util.List;

/** Turns a follow-up into a standalone question using the chat so far. */
public interface Condenser {

    /** The question itself when there is no history or nothing to complete. */
    String standalone(String question, List<Turn> history);
}
