package dev.paracite.assistant;

/** A question or request parameter that cannot be asked; the message is a sentence for a person. */
public final class InvalidQuestionException extends RuntimeException {

    public InvalidQuestionException(String message) {
        super(message);
    }
}
