package dev.paracite.assistant;

/** A question or request parameter that cannot be asked; the message is a sentence for a person. */
public final class InvalidQuestionException extends RuntimeException {

    private final boolean aboutHistory;

    public InvalidQuestionException(String message) {
        this(message, false);
    }

    private InvalidQuestionException(String message, boolean aboutHistory) {
        super(message);
        this.aboutHistory = aboutHistory;
    }

    /** The earlier turns of the chat, not the question itself, cannot be used. */
    public static InvalidQuestionException history(String message) {
        return new InvalidQuestionException(message, true);
    }

    public boolean aboutHistory() {
        return aboutHistory;
    }
}
