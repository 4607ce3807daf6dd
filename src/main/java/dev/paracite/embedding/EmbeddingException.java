package dev.paracite.embedding;

/** The embedding model cannot be loaded or run here; the message is a sentence for a person. */
public final class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
