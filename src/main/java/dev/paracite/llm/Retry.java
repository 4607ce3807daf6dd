package dev.paracite.llm;

import dev.paracite.assistant.ModelUnavailableException;
import java.util.function.Supplier;

/** Bounded retries with exponential backoff for calls that fail before producing anything. */
final class Retry {

    /** First pause; it doubles each time, capped at {@link #MAX_BACKOFF_MILLIS}. */
    static final long FIRST_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 4_000;

    private Retry() {}

    static <T> T call(String provider, int maxRetries, Supplier<T> call) {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (StreamCall.Abandoned e) {
                throw e.reason();
            } catch (ModelUnavailableException e) {
                if (attempt >= maxRetries || !Faults.retryable(e)) {
                    throw e;
                }
                pause(attempt);
            } catch (RuntimeException e) {
                ModelUnavailableException fault = Faults.of(provider, e);
                if (attempt >= maxRetries || !Faults.retryable(fault)) {
                    throw fault;
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
