package dev.paracite.cli;

/** A command line that cannot be run; the message says what to change. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
