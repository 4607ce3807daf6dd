package dev.paracite.server;

import java.util.List;

/**
 * Who may call the API and how much.
 *
 * @param accessKeys     keys accepted as {@code Authorization: Bearer <key>} on /api/* (health excepted);
 *                       empty: no key needed
 * @param ratePerMinute  requests per minute allowed to one remote address on /api/*; 0: unlimited
 * @param burst          requests one address may make at once before the rate applies
 * @param maxAnswering   answers being written at once; more get 503 at once rather than queueing
 * @param corsOrigins    browser origins allowed to call the API from other sites; empty: none
 */
public record ServerSettings(List<String> accessKeys, int ratePerMinute, int burst, int maxAnswering,
                             List<String> corsOrigins) {

    /** One person's chat stays far below it; a script hammering the API does not. */
    public static final int DEFAULT_RATE_PER_MINUTE = 600;
    public static final int DEFAULT_BURST = 120;
    /** Twice the cores' worth of extractive answers in flight, and a sane bound on model calls. */
    public static final int DEFAULT_MAX_ANSWERING = 32;

    public ServerSettings {
        accessKeys = List.copyOf(accessKeys);
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(List.of(), DEFAULT_RATE_PER_MINUTE, DEFAULT_BURST, DEFAULT_MAX_ANSWERING, List.of());
    }

    /** No keys, no rate limit: for tests that measure or hammer the server on purpose. */
    public static ServerSettings open() {
        return new ServerSettings(List.of(), 0, 0, 1_000, List.of());
    }
}
