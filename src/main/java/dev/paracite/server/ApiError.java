package dev.paracite.server;

/**
 * A request that fails with an HTTP status, a stable error code and a sentence for a person. A 429 or
 * 503 always says when to try again ({@code Retry-After}, 1 s unless given).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiError(int status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds > 0 ? retryAfterSeconds : status == 429 || status == 503 ? 1 : 0;
    }

    /** Seconds for the {@code Retry-After} header; 0: none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The body every error response carries. */
    record Body(String error, String message) {}

    Body body() {
        return new Body(code, getMessage());
    }
}
