package dev.paracite.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code http.server.requests}: a timer per method, route template and status, each registered once
 * and then found without building tags (two map reads of interned strings and an array index).
 */
final class RequestTimers {

    static final String NAME = "http.server.requests";
    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final Map<String, Map<String, AtomicReferenceArray<Timer>>> byMethod = new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, long nanos) {
        int code = status >= 100 && status < STATUSES ? status : 500;
        AtomicReferenceArray<Timer> timers = Meters.cached(Meters.cached(byMethod, method, m -> new ConcurrentHashMap<>()),
                route, r -> new AtomicReferenceArray<>(STATUSES));
        Timer timer = timers.get(code);
        if (timer == null) {
            // registering the same tags twice gives the same timer, so a race here is harmless
            timer = Timer.builder(NAME).description("HTTP requests by method, route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(code))
                    .serviceLevelObjectives(Buckets.REQUEST).register(registry);
            timers.set(code, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
