package dev.paracite.server;

/**
 * A request that fails with an HTTP status, a stable error code and a sentence for a person. A 429 or
 * 503 always says when to try again ({@code Retry-After}, 1 s unless given).
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final long retryAfterSeconds;
    private final String param;

    ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiError(int status, String code, String message, long retryAfterSeconds) {
        this(status, code, message, retryAfterSeconds, null);
    }

    private ApiError(int status, String code, String message, long retryAfterSeconds, String param) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds > 0 ? retryAfterSeconds : status == 429 || status == 503 ? 1 : 0;
        this.param = param;
    }

    /** Seconds for the {@code Retry-After} header; 0: none. */
    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    /** A 400 about one request field, which the OpenAI error shape names in {@code param}. */
    static ApiError badField(String param, String code, String message) {
        return new ApiError(400, code, message, 0, param);
    }

    /** The request field at fault, or null. */
    String param() {
        return param;
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
