package dev.paracite.eval;

/** An evaluation input that cannot be used (a set, a dataset, a report or thresholds); one sentence. */
public final class EvalException extends RuntimeException {

    public EvalException(String message) {
        super(message);
    }
}
