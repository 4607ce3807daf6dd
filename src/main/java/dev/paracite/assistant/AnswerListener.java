package dev.paracite.assistant;

import java.util.List;

/** Receives an answer as it is made: first what was retrieved, then pieces of the answer text. */
public interface AnswerListener {

    AnswerListener NONE = new AnswerListener() {
        @Override
        public void retrieved(List<Response.Retrieved> retrieved) {
        }

        @Override
        public void delta(String text) {
        }
    };

    void retrieved(List<Response.Retrieved> retrieved);

    void delta(String text);
}
