package dev.paracite.server;

import java.time.Duration;
import java.util.List;

/**
 * Who may call the API and how much, and what the server tells its operator.
 *
 * @param accessKeys            keys accepted as {@code Authorization: Bearer <key>} on /api/* (health
 *                              excepted); empty: no key needed
 * @param ratePerMinute         requests per minute allowed to one remote address on /api/*; 0: unlimited
 * @param burst                 requests one address may make at once before the rate applies
 * @param maxAnswering          answers being written at once; more get 503 at once rather than queueing
 * @param corsOrigins           browser origins allowed to call the API from other sites; empty: none
 * @param maxAnsweringPerClient answers one remote address may have written at once; more get 429, so
 *                              that one client cannot take every place
 * @param drain                 how long shutdown lets answers in flight finish before it ends open
 *                              streams with a {@code shutting_down} error
 * @param requestRead           how long a client may take to send a request's headers, and then its
 *                              body, before its connection is closed
 * @param metricsKey            the one key {@code GET /metrics} accepts, as {@code Authorization: Bearer
 *                              <key>}; null: /metrics takes the access keys (and is open when they are off)
 * @param logQuestions          whether the access log shows the question of each ask; off, it never does
 */
public record ServerSettings(List<String> accessKeys, int ratePerMinute, int burst, int maxAnswering,
                             List<String> corsOrigins, int maxAnsweringPerClient, Duration drain,
                             Duration requestRead, String metricsKey, boolean logQuestions) {

    /** One person's chat stays far below it; a script hammering the API does not. */
    public static final int DEFAULT_RATE_PER_MINUTE = 600;
    public static final int DEFAULT_BURST = 120;
    /** Twice the cores' worth of extractive answers in flight, and a sane bound on model calls. */
    public static final int DEFAULT_MAX_ANSWERING = 32;
    /** An extractive answer takes milliseconds; a model's a few seconds. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
    /** The largest request (64 KiB) takes a second on a slow mobile link; ten leave room. */
    public static final Duration DEFAULT_REQUEST_READ = Duration.ofSeconds(10);

    public ServerSettings {
        accessKeys = List.copyOf(accessKeys);
        corsOrigins = List.copyOf(corsOrigins);
        if (maxAnsweringPerClient < 1 || drain.isNegative() || requestRead.isNegative() || requestRead.isZero()) {
            throw new IllegalArgumentException("maxAnsweringPerClient must be at least 1, drain not negative, "
                    + "requestRead positive");
        }
        if (metricsKey != null && metricsKey.isBlank()) {
            throw new IllegalArgumentException("metricsKey must be null or a key");
        }
    }

    /** Without a metrics key, and without questions in the access log. */
    public ServerSettings(List<String> accessKeys, int ratePerMinute, int burst, int maxAnswering,
                          List<String> corsOrigins, int maxAnsweringPerClient, Duration drain, Duration requestRead) {
        this(accessKeys, ratePerMinute, burst, maxAnswering, corsOrigins, maxAnsweringPerClient, drain, requestRead,
                null, false);
    }

    /** With the default share per client and drain. */
    public ServerSettings(List<String> accessKeys, int ratePerMinute, int burst, int maxAnswering,
                          List<String> corsOrigins) {
        this(accessKeys, ratePerMinute, burst, maxAnswering, corsOrigins, defaultPerClient(maxAnswering), DEFAULT_DRAIN,
                DEFAULT_REQUEST_READ);
    }

    /** A quarter of the places, and at least 2: a flood from one address leaves three quarters to everyone else. */
    public static int defaultPerClient(int maxAnswering) {
        return Math.max(2, maxAnswering / 4);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(List.of(), DEFAULT_RATE_PER_MINUTE, DEFAULT_BURST, DEFAULT_MAX_ANSWERING, List.of());
    }

    /** No keys, no rate limit, no share per client: for tests that measure or hammer the server on purpose. */
    public static ServerSettings open() {
        return new ServerSettings(List.of(), 0, 0, 1_000, List.of(), 1_000, DEFAULT_DRAIN, DEFAULT_REQUEST_READ);
    }

    public ServerSettings withDrain(Duration drain) {
        return new ServerSettings(accessKeys, ratePerMinute, burst, maxAnswering, corsOrigins, maxAnsweringPerClient, drain,
                requestRead, metricsKey, logQuestions);
    }

    public ServerSettings withRequestRead(Duration requestRead) {
        return new ServerSettings(accessKeys, ratePerMinute, burst, maxAnswering, corsOrigins, maxAnsweringPerClient, drain,
                requestRead, metricsKey, logQuestions);
    }

    /** These settings with {@code metricsKey} (null for none) and questions in the access log or not. */
    public ServerSettings withMonitoring(String metricsKey, boolean logQuestions) {
        return new ServerSettings(accessKeys, ratePerMinute, burst, maxAnswering, corsOrigins, maxAnsweringPerClient, drain,
                requestRead, metricsKey, logQuestions);
    }
}
