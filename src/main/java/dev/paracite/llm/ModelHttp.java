package dev.paracite.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.paracite.assistant.Call;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * LangChain4j's HTTP client for model servers, on the JDK client over HTTP/1.1 (local servers such as
 * vLLM and LM Studio reject or hang on its HTTP/2 upgrade), with what the stock client lacks: every
 * exchange made within {@link #within} belongs to that try and is closed when the try ends, times out
 * or its call is cancelled, and a refusal keeps the provider's {@code Retry-After}.
 */
final class ModelHttp implements HttpClient {

    /** The try the current thread is making; LangChain4j calls {@code execute} on the caller's thread. */
    private static final ThreadLocal<Try> CURRENT = new ThreadLocal<>();

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;

    private ModelHttp(Duration connectTimeout, Duration readTimeout) {
        this.jdk = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout).build();
        this.readTimeout = readTimeout;
    }

    /** A refusal (non-2xx) from the model server, with when it said to come back, if it did. */
    static final class Refused extends HttpException {
        private final Duration retryAfter;

        Refused(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        /** Null when the server did not say. */
        Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Runs {@code attempt} as one try of {@code call} that must end by {@code deadline}: its exchanges
     * wait no longer than that, and are closed when the call is cancelled or the try returns.
     */
    static <T> T within(Call call, Instant deadline, Supplier<T> attempt) {
        Try t = new Try(deadline);
        Try outer = CURRENT.get();
        CURRENT.set(t);
        try (Call.Registration ignored = call.onCancel(t::abort)) {
            return attempt.get();
        } finally {
            t.abort();
            CURRENT.set(outer);
        }
    }

    /** One try's open exchanges. */
    private static final class Try {
        final Instant deadline;
        final List<Runnable> closers = new CopyOnWriteArrayList<>();

        Try(Instant deadline) {
            this.deadline = deadline;
        }

        void abort() {
            closers.forEach(Runnable::run);
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        Try t = CURRENT.get();
        CompletableFuture<HttpResponse<byte[]>> exchange = jdk.sendAsync(jdkRequest(request),
                HttpResponse.BodyHandlers.ofByteArray());
        if (t != null) {
            t.closers.add(() -> exchange.cancel(true));
        }
        Duration wait = t == null ? readTimeout : min(readTimeout, Duration.between(Instant.now(), t.deadline));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new TimeoutException(new HttpTimeoutException("no reply within " + wait.toMillis() + " ms"));
        } catch (CancellationException e) {
            throw new CancellationException("the call was cancelled");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        if (!successful(response)) {
            throw refused(response, new String(response.body(), StandardCharsets.UTF_8));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Try t = CURRENT.get();
        AtomicReference<InputStream> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<InputStream>> exchange = jdk.sendAsync(jdkRequest(request),
                HttpResponse.BodyHandlers.ofInputStream());
        if (t != null) {
            t.closers.add(() -> {
                exchange.cancel(true);
                close(body.get());
            });
        }
        exchange.thenAccept(response -> {
            body.set(response.body());
            try (InputStream in = response.body()) {
                if (!successful(response)) {
                    listener.onError(refused(response, new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
                    return;
                }
                listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                        .headers(response.headers().map()).build());
                parser.parse(in, listener);
                listener.onClose();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            }
        }).exceptionally(e -> {
            listener.onError(failure(e instanceof java.util.concurrent.CompletionException ? e.getCause() : e));
            return null;
        });
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("form data is not sent to model servers");
        }
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        java.net.http.HttpRequest.BodyPublisher body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
        return builder.method(request.method().name(), body).build();
    }

    private static RuntimeException failure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new TimeoutException(cause);
        }
        return cause instanceof RuntimeException r ? r : new RuntimeException(cause);
    }

    private static boolean successful(HttpResponse<?> response) {
        return response.statusCode() >= 200 && response.statusCode() <= 299;
    }

    private static Refused refused(HttpResponse<?> response, String body) {
        return new Refused(response.statusCode(), body, retryAfter(response.headers().map(), Instant.now()));
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110, 10.2.3); null when absent or unreadable. */
    static Duration retryAfter(Map<String, List<String>> headers, Instant now) {
        String value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(e -> e.getValue().stream()).findFirst().map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? null : Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing to abandon the exchange; nothing more to do
            }
        }
    }

    /** What LangChain4j's model builders take: they set the timeouts, then build. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                this.readTimeout = timeout;
            }
            return this;
        }

        @Override
        public HttpClient build() {
            return new ModelHttp(connectTimeout, readTimeout);
        }
    }
}
