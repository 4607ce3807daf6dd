package dev.paracite.metrics;

import java.time.Duration;

/**
 * The histogram buckets of the latencies, fixed and few so that each route or provider adds about a
 * dozen series rather than Micrometer's default of some seventy.
 */
final class Buckets {

    /** An extractive answer takes a few milliseconds, a language model's seconds; a stream up to its timeout. */
    static final Duration[] REQUEST = millis(1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000);
    /** One try of a provider: a refusal in milliseconds, an answer in seconds, a timeout at 60 s by default. */
    static final Duration[] MODEL = millis(50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000);
    /** BM25 on the built-in document takes well under a millisecond; hybrid retrieval embeds the question. */
    static final Duration[] RETRIEVAL = millis(0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250);

    private Buckets() {}

    private static Duration[] millis(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1_000_000));
        }
        return durations;
    }
}
