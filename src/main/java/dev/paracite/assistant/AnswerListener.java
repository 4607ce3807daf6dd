package dev.paracite.assistant;

import java.util.List;

/**
 * Receives an answer as it is made: first what was retrieved, then each statement once it is complete
 * and has passed the grounding check. Nothing is sent that is later withdrawn.
 */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() {
        @Override
        public void retrieved(List<Response.Retrieved> retrieved) {
        }

        @Override
        public void delta(String text, Response.Statement statement) {
        }
    };

    void retrieved(List<Response.Retrieved> retrieved);

    /**
     * Called for every piece of model text as it arrives, before it is checked. A listener whose reader
     * has gone away throws here, which cancels the model call.
     */
    default void progress() {
    }

    /**
     * A checked statement: {@code text} is what it adds to the answer (the space or line break before
     * it, then the statement with its markers), {@code statement} the statement itself.
     */
    void delta(String text, Response.Statement statement);
}
