package dev.paracite.server;

/** A request that fails with an HTTP status, a stable error code and a sentence for a person. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
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
