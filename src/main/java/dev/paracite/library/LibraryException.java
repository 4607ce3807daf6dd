package dev.paracite.library;

/**
 * A library operation that cannot be done, as one sentence for a person: an unwritable or full data
 * directory, an unknown document or version, a bad id. The library is unchanged when it is thrown.
 */
public class LibraryException extends RuntimeException {

    public LibraryException(String message) {
        super(message);
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
