package dev.paracite.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.paracite.assistant.ModelUnavailableException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/** Turns what a provider call threw into a {@link ModelUnavailableException} with a sentence a person can act on. */
final class Faults {

    /** The result of one try, as the metrics name it: {@link #OK}, or the kind of fault {@link #kind} gives. */
    static final String OK = "ok";
    static final String ABANDONED = "abandoned";

    private Faults() {}

    /**
     * What kind of fault ended a try: {@code auth}, {@code rate_limited}, {@code server_error} (5xx),
     * {@code refused} (another status), {@code timeout}, {@code unreachable}, or {@code failed} (a
     * reply that could not be read, or a stream cut or stalled in the middle).
     */
    static String kind(ModelUnavailableException e) {
        int status = e.status();
        if (status == 401 || status == 403 || has(e, AuthenticationException.class)) {
            return "auth";
        }
        if (status == 429) {
            return "rate_limited";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status > 0) {
            return "refused";
        }
        if (e.busy()) {
            return has(e, IOException.class) && !isTimeout(e) ? "unreachable" : "timeout";
        }
        return "failed";
    }

    static ModelUnavailableException of(String provider, Throwable failure) {
        int status = status(failure);
        if (status == 401 || status == 403 || has(failure, AuthenticationException.class)) {
            return new ModelUnavailableException(provider, status, false, "The " + provider
                    + " model server refused the API key (HTTP " + (status == 0 ? 401 : status)
                    + "); check PARACITE_API_KEY.", failure);
        }
        if (status == 429 || has(failure, RateLimitException.class)) {
            return new ModelUnavailableException(provider, 429, true, "The " + provider
                    + " model server is rate limiting requests (HTTP 429); try again shortly.", failure,
                    retryAfter(failure));
        }
        if (status == 503) {
            return new ModelUnavailableException(provider, 503, true, "The " + provider
                    + " model server is unavailable (HTTP 503); try again shortly.", failure, retryAfter(failure));
        }
        if (status > 0) {
            return new ModelUnavailableException(provider, status, false, "The " + provider
                    + " model server answered HTTP " + status + ".", failure);
        }
        if (has(failure, com.fasterxml.jackson.core.JsonProcessingException.class)) {
            return unreadable(provider, failure);
        }
        if (isTimeout(failure)) {
            return new ModelUnavailableException(provider, 0, true, "The " + provider
                    + " model server did not answer in time.", failure);
        }
        if (has(failure, java.util.concurrent.CancellationException.class)) {
            return Retry.abandoned(provider);
        }
        if (has(failure, IOException.class)) {
            return new ModelUnavailableException(provider, 0, true, "The " + provider
                    + " model server cannot be reached.", failure);
        }
        return unreadable(provider, failure);
    }

    /** A reply that is not an answer: unparseable, or without any choice or content. */
    static ModelUnavailableException unreadable(String provider, Throwable failure) {
        return new ModelUnavailableException(provider, 0, false, "The " + provider
                + " model server sent a reply that could not be read.", failure);
    }

    /** Whether a call that failed this way, before any token arrived, is worth trying again. */
    static boolean retryable(ModelUnavailableException e) {
        return e.status() == 429 || e.status() >= 500 || e.status() == 0 && e.busy();
    }

    /** The provider's {@code Retry-After}, when the refusal carried one. */
    private static java.time.Duration retryAfter(Throwable failure) {
        return cause(failure, ModelHttp.Refused.class).map(ModelHttp.Refused::retryAfter).orElse(null);
    }

    static int status(Throwable failure) {
        return cause(failure, HttpException.class).map(HttpException::statusCode).orElse(0);
    }

    private static boolean isTimeout(Throwable failure) {
        return has(failure, HttpTimeoutException.class) || has(failure, TimeoutException.class)
                || has(failure, dev.langchain4j.exception.TimeoutException.class)
                || has(failure, java.net.SocketTimeoutException.class);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type).isPresent();
    }

    /** {@code failure} or the first of its causes that is a {@code type}. */
    private static <T extends Throwable> java.util.Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
        }
        return java.util.Optional.empty();
    }
}
