package dev.paracite.llm;

/** A prompt template that is missing or lacks a placeholder it needs; the message names the file. */
public final class PromptException extends RuntimeException {

    public PromptException(String message) {
        super(message);
    }
}
