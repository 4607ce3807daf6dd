package dev.paracite.corpus;

/** A document that cannot be used; the message is one sentence naming the file and the problem. */
public final class DocumentException extends RuntimeException {

    public DocumentException(String message) {
        super(message);
    }
}
