package dev.paracite.assistant;

import java.time.Duration;

/**
 * The language model could not answer: the provider refused or failed (an HTTP status), timed out,
 * stalled mid-stream or sent something unreadable. The message is a sentence for a person and never
 * holds a key.
 *
 * @see #busy() whether the provider is busy or out of reach (429, timeouts, unreachable: HTTP 503 to
 *      our clients) rather than failing (other statuses, unreadable replies: HTTP 502)
 */
public final class ModelUnavailableException extends RuntimeException {

    private final String provider;
    private final int status;
    private final boolean busy;
    private final Duration retryAfter;

    public ModelUnavailableException(String provider, int status, boolean busy, String message, Throwable cause) {
        this(provider, status, busy, message, cause, null);
    }

    public ModelUnavailableException(String provider, int status, boolean busy, String message, Throwable cause,
                                     Duration retryAfter) {
        super(message, cause);
        this.provider = provider;
        this.status = status;
        this.busy = busy;
        this.retryAfter = retryAfter;
    }

    /** When the provider said to try again; null when it did not. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public String provider() {
        return provider;
    }

    /** The provider's HTTP status, or 0 when it never answered. */
    public int status() {
        return status;
    }

    public boolean busy() {
        return busy;
    }
}
