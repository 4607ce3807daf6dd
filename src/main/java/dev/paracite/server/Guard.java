package dev.paracite.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The checks in front of the API: access keys (compared in constant time), a rate limit per remote
 * address, CORS for configured origins, and a cap on answers written at once, of which one address
 * may hold only its share. {@code /metrics} takes the metrics key when there is one, else the access keys.
 */
final class Guard {

    /** Paths that need no access key: health for probes, the API description for client generators. */
    static final List<String> OPEN = List.of("/api/health", ApiDescription.PATH);

    private final List<byte[]> keyDigests;
    /** The keys /metrics accepts: the metrics key alone when set, so a scraper's key cannot ask questions. */
    private final List<byte[]> metricsDigests;
    private final RateLimiter limiter;
    private final List<String> origins;
    private final int maxAnswering;
    private final Semaphore answering;
    private final int perClient;
    private final Map<String, Integer> heldBy = new ConcurrentHashMap<>();

    Guard(ServerSettings settings) {
        this.keyDigests = settings.accessKeys().stream().map(Guard::digest).toList();
        this.metricsDigests = settings.metricsKey() == null ? keyDigests : List.of(digest(settings.metricsKey()));
        this.limiter = settings.ratePerMinute() > 0 ? new RateLimiter(settings.ratePerMinute(), settings.burst()) : null;
        this.origins = settings.corsOrigins();
        this.maxAnswering = settings.maxAnswering();
        this.answering = new Semaphore(maxAnswering);
        this.perClient = settings.maxAnsweringPerClient();
    }

    /** Before every /api/* request. */
    void check(Context ctx) {
        cors(ctx);
        if (ctx.method().name().equals("OPTIONS")) {
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return;
        }
        if (limiter != null) {
            long wait = limiter.acquire(ctx.req().getRemoteAddr(), System.currentTimeMillis());
            if (wait > 0) {
                throw new ApiError(429, "rate_limited", "Too many requests; try again in " + wait + " s.", wait);
            }
        }
        if (!keyDigests.isEmpty() && !OPEN.contains(ctx.path()) && !authorized(ctx.header("Authorization"), keyDigests)) {
            throw new ApiError(401, "unauthorized", "An access key is needed: send Authorization: Bearer <key>.");
        }
    }

    /** Before {@code GET /metrics}: 401 unless it carries a key /metrics accepts (or none is needed). */
    void checkMetrics(Context ctx) {
        if (!metricsDigests.isEmpty() && !authorized(ctx.header("Authorization"), metricsDigests)) {
            throw new ApiError(401, "unauthorized", "The metrics need a key: send Authorization: Bearer <key>.");
        }
    }

    /**
     * Takes a place for one more answer, or refuses at once: 429 when this address already holds its
     * share, 503 when every place is taken. Release the place when the answer is done.
     */
    Place startAnswer(Context ctx) {
        String client = ctx.req().getRemoteAddr();
        boolean[] over = {false};
        heldBy.compute(client, (c, held) -> {
            int now = held == null ? 0 : held;
            over[0] = now >= perClient;
            return over[0] ? held : now + 1;
        });
        if (over[0]) {
            throw new ApiError(429, "too_many_answers", "This client already has " + perClient
                    + " answers being written; wait for one to finish.");
        }
        if (!answering.tryAcquire()) {
            release(client);
            throw new ApiError(503, "busy", "Too many answers are being written at once; try again shortly.");
        }
        return new Place(client);
    }

    /** Answering places held now, by everyone: 0 when the server is idle. */
    int answering() {
        return maxAnswering - answering.availablePermits();
    }

    private void release(String client) {
        heldBy.computeIfPresent(client, (c, held) -> held <= 1 ? null : held - 1);
    }

    /** One answering place; giving it back twice gives it back once. */
    final class Place {
        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Place(String client) {
            this.client = client;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                answering.release();
                Guard.this.release(client);
            }
        }
    }

    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
            ctx.header("Access-Control-Max-Age", "600");
        }
    }

    private static boolean authorized(String header, List<byte[]> keys) {
        // the scheme is case-insensitive (RFC 9110, 11.1)
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, "Bearer ".length())) {
            return false;
        }
        byte[] given = digest(header.substring("Bearer ".length()).strip());
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, given);
        }
        return match;
    }

    /** Digests have one length, so comparing them takes the same time whatever the key's length. */
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
