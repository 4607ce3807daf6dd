package dev.paracite.cli;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import picocli.CommandLine.Option;

/** Where {@code serve} listens, who may call it and how much: the options of {@code serve} alone. */
public final class ServerOptions {

    /** Loopback by default: the API is open to whoever can reach it, so exposing it is a deliberate choice. */
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "address to listen on")
    @Env("PARACITE_HOST")
    private String host;

    private int port;

    @Option(names = "--access-keys", paramLabel = "FILE",
            description = "require Authorization: Bearer <key> on /api/* and /v1/*, keys from FILE, one a line; or "
                    + "PARACITE_ACCESS_KEYS=k1,k2 (default none)")
    @Env("PARACITE_ACCESS_KEYS_FILE")
    private String accessKeys;

    private int rateLimit;
    private int maxAnswering;
    private Integer maxAnsweringPerClient;
    private Duration drainTimeout;
    private List<String> corsOrigins = List.of();

    @Option(names = "--metrics-key", paramLabel = "KEY",
            description = "the one key GET /metrics accepts; without it, the access keys when they are on (default none)")
    @Env("PARACITE_METRICS_KEY")
    private String metricsKey;

    @Option(names = "--log-questions", defaultValue = "false",
            description = "the access log includes each question's text")
    @Env("PARACITE_LOG_QUESTIONS")
    private boolean logQuestions;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "port to listen on, 0 for any free one")
    @Env("PARACITE_PORT")
    void port(String value) {
        port = Values.whole("--port", value, 0, 65_535);
    }

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "600",
            description = "requests a minute per client address on /api/* and /v1/*, 0 for none")
    @Env("PARACITE_RATE_LIMIT")
    void rateLimit(String value) {
        rateLimit = Values.whole("--rate-limit", value, 0, 1_000_000);
    }

    @Option(names = "--max-answering", paramLabel = "N", defaultValue = "32",
            description = "answers written at once before 503 busy")
    @Env("PARACITE_MAX_ANSWERING")
    void maxAnswering(String value) {
        maxAnswering = Values.whole("--max-answering", value, 1, 10_000);
    }

    @Option(names = "--max-answering-per-client", paramLabel = "N",
            description = "answers one client address may have written at once before 429 too_many_answers "
                    + "(default a quarter of --max-answering, at least 2)")
    @Env("PARACITE_MAX_ANSWERING_PER_CLIENT")
    void maxAnsweringPerClient(String value) {
        maxAnsweringPerClient = Values.whole("--max-answering-per-client", value, 1, 10_000);
    }

    @Option(names = "--drain-timeout", paramLabel = "S", defaultValue = "10",
            description = "on SIGTERM, seconds answers in flight may take to finish before open streams are ended")
    @Env("PARACITE_DRAIN_TIMEOUT")
    void drainTimeout(String value) {
        drainTimeout = Values.seconds("--drain-timeout", value, 0);
    }

    @Option(names = "--cors-origins", paramLabel = "LIST",
            description = "comma-separated browser origins allowed to call the API (default none)")
    @Env("PARACITE_CORS_ORIGINS")
    void corsOrigins(String value) {
        corsOrigins = Arrays.stream(value.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The key file given, or null. */
    public String accessKeys() {
        return accessKeys;
    }

    public int rateLimit() {
        return rateLimit;
    }

    public int maxAnswering() {
        return maxAnswering;
    }

    /** The share one client may hold, at most {@link #maxAnswering}; {@code byDefault} of it when not given. */
    public int maxAnsweringPerClient(IntUnaryOperator byDefault) {
        return maxAnsweringPerClient == null ? byDefault.applyAsInt(maxAnswering)
                : Values.within("--max-answering-per-client", maxAnsweringPerClient, 1, maxAnswering);
    }

    public Duration drainTimeout() {
        return drainTimeout;
    }

    public List<String> corsOrigins() {
        return corsOrigins;
    }

    /** The key for GET /metrics, or null for none. */
    public String metricsKey() {
        return metricsKey;
    }

    public boolean logQuestions() {
        return logQuestions;
    }
}
