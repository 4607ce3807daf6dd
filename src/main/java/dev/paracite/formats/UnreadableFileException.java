package dev.paracite.formats;

/** A file that cannot be read as a document, with one sentence saying why (the reader's {@code UnreadableFileException}). */
public final class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String message) {
        super(message);
    }
}
