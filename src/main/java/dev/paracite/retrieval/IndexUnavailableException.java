package dev.paracite.retrieval;

/**
 * The index could not be reached or did not answer in time (a search engine on other machines): the
 * question is not answered now, and may be once the index is back.
 */
public final class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
