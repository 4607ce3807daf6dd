package dev.paracite.metrics;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.server.RequestMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's metrics in one Micrometer registry, written in the Prometheus text format: the server's
 * requests, the answers and model calls ({@link #answers()}), and the JVM's memory, garbage collection,
 * threads, processor and uptime. A resource: whoever creates it closes it, which stops the collectors
 * listening to the JVM.
 */
public final class PrometheusMetrics implements RequestMetrics, AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final RequestTimers requests;
    private final MicrometerAnswerMetrics answers;

    private PrometheusMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
        this.requests = new RequestTimers(registry);
        this.answers = new MicrometerAnswerMetrics(registry);
    }

    /** A registry of its own (never Micrometer's global one), with the JVM's metrics bound to it. */
    public static PrometheusMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return new PrometheusMetrics(registry, gc);
    }

    /** Where the assistant and the model providers report, into the same registry. */
    public AnswerMetrics answers() {
        return answers;
    }

    @Override
    public void served(String method, String route, int status, long nanos) {
        requests.record(method, route, status, nanos);
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
