package dev.paracite.llm;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.Call;
import dev.paracite.assistant.ModelUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The tries of one model call within one answer's deadline: failures before any token are retried
 * (at most {@code maxRetries} times) after the provider's {@code Retry-After} or an exponential
 * backoff, but never past the deadline and never for a call nobody waits for any more. Each try, its
 * time and its result, and each retry are reported to the connection's metrics.
 */
final class Retry {

    /** First pause; it doubles each time, capped at {@link #MAX_BACKOFF_MILLIS}. */
    static final long FIRST_BACKOFF_MILLIS = 250;
    static final long MAX_BACKOFF_MILLIS = 4_000;

    private Retry() {}

    /** Runs {@code attempt} (given the deadline it must keep) until it succeeds or may not be tried again. */
    static <T> T call(LlmAnswerModel.Connection connection, Call call, Function<Instant, T> attempt) {
        String provider = connection.provider();
        AnswerMetrics metrics = connection.metrics();
        Instant deadline = Instant.now().plus(call.remaining(connection.answerTimeout()));
        for (int tries = 0; ; tries++) {
            if (call.cancelled()) {
                throw abandoned(provider);
            }
            if (!Instant.now().isBefore(deadline)) {
                throw outOfTime(provider, connection.answerTimeout());
            }
            if (tries > 0) {
                metrics.retried(provider);
            }
            ModelUnavailableException fault;
            long start = System.nanoTime();
            try {
                T result = ModelHttp.within(call, deadline, () -> attempt.apply(deadline));
                metrics.modelCall(provider, Faults.OK, System.nanoTime() - start);
                return result;
            } catch (StreamCall.Abandoned e) {
                metrics.modelCall(provider, Faults.ABANDONED, System.nanoTime() - start);
                throw e.reason();
            } catch (ModelUnavailableException e) {
                fault = e;
            } catch (RuntimeException e) {
                fault = Faults.of(provider, e);
            }
            metrics.modelCall(provider, call.cancelled() ? Faults.ABANDONED : Faults.kind(fault), System.nanoTime() - start);
            if (call.cancelled()) {
                throw abandoned(provider);
            }
            if (tries >= connection.maxRetries() || !Faults.retryable(fault)) {
                throw fault;
            }
            Duration pause = fault.retryAfter() != null ? fault.retryAfter()
                    : Duration.ofMillis(Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << tries));
            if (Instant.now().plus(pause).isAfter(deadline)) {
                // the provider asks for more patience than this answer has left
                throw fault;
            }
            try {
                if (call.sleep(pause)) {
                    throw abandoned(provider);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw abandoned(provider);
            }
        }
    }

    static ModelUnavailableException abandoned(String provider) {
        return new ModelUnavailableException(provider, 0, false, "The answer was abandoned: nobody waits for it any more.", null);
    }

    private static ModelUnavailableException outOfTime(String provider, Duration answerTimeout) {
        return new ModelUnavailableException(provider, 0, true, "The " + provider + " model server did not answer within "
                + answerTimeout.toSeconds() + " s.", null);
    }
}
