package dev.paracite.assistant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One answer as its model calls see it: when it started, so that every try shares one deadline, and
 * whether anyone still waits for it. A reader who leaves cancels it; the model calls in progress are
 * then abandoned at once and none is started or retried.
 */
public final class Call {

    private final Clock clock;
    private final Instant started;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    private Call(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public static Call start() {
        return start(Clock.systemUTC());
    }

    public static Call start(Clock clock) {
        return new Call(clock);
    }

    /** How much of {@code budget}, counted from the start of the answer, is left (never negative). */
    public Duration remaining(Duration budget) {
        Duration left = budget.minus(Duration.between(started, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Nobody waits for the answer any more: runs what was registered, once. */
    public void cancel() {
        if (cancelled.getCount() > 0) {
            cancelled.countDown();
            onCancel.forEach(Runnable::run);
        }
    }

    public boolean cancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Runs {@code action} when the call is cancelled (at once if it already is) until the returned
     * handle is closed.
     */
    public Registration onCancel(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        };
        onCancel.add(once);
        if (cancelled()) {
            once.run();
        }
        return () -> onCancel.remove(once);
    }

    /** Waits {@code pause} unless cancelled first; true when it was cancelled. */
    public boolean sleep(Duration pause) throws InterruptedException {
        return cancelled.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops a registered action from running. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
