package dev.paracite.metrics;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.Response;

/**
 * Answer metrics that record nothing until {@link #reportTo} names where they go: the assistant is
 * built before the command knows whether it will serve, and only serving keeps a registry.
 */
public final class DeferredAnswerMetrics implements AnswerMetrics {

    private volatile AnswerMetrics target = AnswerMetrics.NONE;

    /** From now on, everything reported goes to {@code metrics}. */
    public void reportTo(AnswerMetrics metrics) {
        target = metrics;
    }

    @Override
    public void started() {
        target.started();
    }

    @Override
    public void answered(Response response) {
        target.answered(response);
    }

    @Override
    public void failed(String outcome) {
        target.failed(outcome);
    }

    @Override
    public void modelCall(String provider, String result, long nanos) {
        target.modelCall(provider, result, nanos);
    }

    @Override
    public void retried(String provider) {
        target.retried(provider);
    }

    @Override
    public void tokens(String provider, long input, long output) {
        target.tokens(provider, input, output);
    }
}
