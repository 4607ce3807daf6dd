package dev.paracite.library;

/**
 * A library operation that cannot be done, as one sentence for a person, and why: the storage failed
 * (an unwritable or full data directory, a library open in another process), the document, version or
 * paragraph asked for is not kept, or the request itself is invalid (a bad id or cursor, a file too
 * large). The library is unchanged when it is thrown.
 */
public class LibraryException extends RuntimeException {

    /** Why an operation failed. */
    public enum Reason { STORAGE, NOT_FOUND, INVALID }

    private final Reason reason;

    public LibraryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LibraryException(String message, Throwable cause) {
        super(message, cause);
        this.reason = Reason.STORAGE;
    }

    public Reason reason() {
        return reason;
    }
}
