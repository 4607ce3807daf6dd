package dev.paracite.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The checks in front of the API: access keys (compared in constant time), a rate limit per remote
 * address, CORS for configured origins, and a cap on answers written at once.
 */
final class Guard {

    private final List<byte[]> keyDigests;
    private final RateLimiter limiter;
    private final List<String> origins;
    private final Semaphore answering;

    Guard(ServerSettings settings) {
        this.keyDigests = settings.accessKeys().stream().map(Guard::digest).toList();
        this.limiter = settings.ratePerMinute() > 0 ? new RateLimiter(settings.ratePerMinute(), settings.burst()) : null;
        this.origins = settings.corsOrigins();
        this.answering = new Semaphore(settings.maxAnswering());
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
                ctx.header("Retry-After", Long.toString(wait));
                throw new ApiError(429, "rate_limited", "Too many requests; try again in " + wait + " s.");
            }
        }
        if (!keyDigests.isEmpty() && !ctx.path().equals("/api/health") && !authorized(ctx.header("Authorization"))) {
            throw new ApiError(401, "unauthorized", "An access key is needed: send Authorization: Bearer <key>.");
        }
    }

    /** Takes a place for one more answer, or refuses at once with 503; pair with {@link #endAnswer}. */
    void startAnswer(Context ctx) {
        if (!answering.tryAcquire()) {
            ctx.header("Retry-After", "1");
            throw new ApiError(503, "busy", "Too many answers are being written at once; try again shortly.");
        }
    }

    void endAnswer() {
        answering.release();
    }

    private void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
            ctx.header("Access-Control-Allow-Methods", "GET, POST");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
            ctx.header("Access-Control-Max-Age", "600");
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = digest(header.substring("Bearer ".length()).strip());
        boolean match = false;
        for (byte[] key : keyDigests) {
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
