package dev.paracite.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per remote address: {@code burst} requests at once, refilled at {@code perMinute}.
 * Buckets idle for longer than it takes to refill are forgotten, so memory stays bounded.
 */
final class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final double perMilli;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }
    }

    RateLimiter(int perMinute, int burst) {
        this.perMilli = perMinute / 60_000.0;
        this.burst = Math.max(1, burst);
    }

    /** 0 when the request may go ahead, else the seconds to wait before the next token. */
    long acquire(String client, long nowMillis) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.entrySet().removeIf(e -> refilled(e.getValue(), nowMillis));
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, nowMillis));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (nowMillis - bucket.updated) * perMilli);
            bucket.updated = nowMillis;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0);
        }
    }

    private boolean refilled(Bucket bucket, long now) {
        synchronized (bucket) {
            return bucket.tokens + (now - bucket.updated) * perMilli >= burst;
        }
    }
}
