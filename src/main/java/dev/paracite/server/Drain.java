package dev.paracite.server;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight so shutdown can let them finish: once draining, new requests get a 503 and
 * {@link #await} waits, up to a bound, for the count to reach zero.
 */
final class Drain {

    private static final String COUNTED = "paracite.counted";

    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    void enter(Context ctx) {
        if (draining) {
            throw new ApiError(503, "shutting_down", "The server is shutting down; try again shortly.");
        }
        inFlight.incrementAndGet();
        ctx.attribute(COUNTED, Boolean.TRUE);
    }

    void leave(Context ctx) {
        if (ctx.attribute(COUNTED) != null) {
            ctx.attribute(COUNTED, null);
            synchronized (this) {
                inFlight.decrementAndGet();
                notifyAll();
            }
        }
    }

    /** Stops taking requests and waits up to {@code millis} for those in flight; true when none are left. */
    synchronized boolean await(long millis) throws InterruptedException {
        draining = true;
        long deadline = System.currentTimeMillis() + millis;
        while (inFlight.get() > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    int inFlight() {
        return inFlight.get();
    }
}
