package dev.paracite.server;

import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.library.LibraryException;
import dev.paracite.retrieval.IndexUnavailableException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to one JSON shape per API, in one place: {@code {"error", "message"}} on
 * {@code /api/*} and everywhere else, OpenAI's {@code {"error": {"message", "type", "param", "code"}}}
 * on {@code /v1/*}, where OpenAI's clients read it. Unexpected failures
 * get a 500 with a request id that is also in the log line; no stack trace, exception name or path
 * reaches the client.
 */
final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    private static final String REQUEST_ID = "paracite.requestId";
    private static final String ANSWERED = "paracite.errorAnswered";

    private Errors() {}

    static void install(JavalinConfig config) {
        config.routes.exception(ApiError.class, (e, ctx) -> respond(ctx, e));
        config.routes.exception(ModelUnavailableException.class, (e, ctx) -> {
            LOG.warn("request {}: {}", requestId(ctx), e.getMessage());
            respond(ctx, model(e));
        });
        config.routes.exception(IndexUnavailableException.class, (e, ctx) -> {
            LOG.warn("request {}: {}", requestId(ctx), e.getMessage());
            respond(ctx, index());
        });
        config.routes.exception(LibraryException.class, (e, ctx) -> respond(ctx, library(e, requestId(ctx))));
        config.routes.exception(Exception.class, (e, ctx) -> {
            String id = requestId(ctx);
            LOG.error("request {} {} {} failed", id, ctx.method(), ctx.path(), e);
            respond(ctx, new ApiError(500, "internal_error", internalMessage(id)));
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                respond(ctx, new ApiError(404, "not_found", "There is nothing at " + clip(ctx.path()) + "."));
            }
        });
        config.routes.error(405, ctx -> respond(ctx, new ApiError(405, "method_not_allowed",
                ctx.method() + " is not allowed on " + clip(ctx.path()) + ".")));
    }

    /** 503 when trying later may help (rate limit, timeout, unreachable), 502 when the provider failed. */
    static ApiError model(ModelUnavailableException e) {
        return e.busy() ? new ApiError(503, "model_unavailable", e.getMessage(),
                e.retryAfter() == null ? 0 : Math.max(1, e.retryAfter().toSeconds()))
                : new ApiError(502, "model_error", e.getMessage());
    }

    /** The search index (a SolrCloud) could not be reached or did not answer in time; where it is stays in the log. */
    static ApiError index() {
        return new ApiError(503, "index_unavailable", "The search index cannot be reached just now; try again shortly.",
                INDEX_RETRY_SECONDS);
    }

    /** A Solr node restarts in seconds; asking again sooner only adds load. */
    private static final long INDEX_RETRY_SECONDS = 5;

    /**
     * A library operation that could not be done, by its reason: the storage failed (a full or unwritable
     * data directory; the library is unchanged) 503, a document or version not kept 404, a request the
     * library refuses 400.
     */
    static ApiError library(LibraryException e, String requestId) {
        return switch (e.reason()) {
            case STORAGE -> {
                LOG.warn("request {}: {}", requestId, e.getMessage());
                yield new ApiError(503, "library_unavailable", e.getMessage());
            }
            case NOT_FOUND -> new ApiError(404, "not_found", e.getMessage());
            case INVALID -> ApiError.badRequest("invalid_request", e.getMessage());
        };
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            // a handle to find the log lines by, not a secret: no need for SecureRandom's shared lock per request
            id = Long.toHexString(0x1_0000_0000L | (ThreadLocalRandom.current().nextInt() & 0xFFFF_FFFFL)).substring(1);
            ctx.attribute(REQUEST_ID, id);
            ctx.header("X-Request-Id", id);
        }
        return id;
    }

    static String internalMessage(String requestId) {
        return "Something went wrong on our side; request id " + requestId + ".";
    }

    private static void respond(Context ctx, ApiError e) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        ctx.attribute(ANSWERED, Boolean.TRUE);
        Json.respond(ctx.status(e.status()), body(ctx.path(), e));
    }

    /** The error's body in the shape the path's clients read: OpenAI's on {@code /v1/*}, ours elsewhere. */
    static Object body(String path, ApiError e) {
        return path.equals("/v1") || path.startsWith("/v1/") ? OpenAiWire.ErrorBody.of(e) : e.body();
    }

    private static String clip(String path) {
        String safe = path.replaceAll("[^\\p{L}\\p{N} /_.,-]", "?");
        return safe.length() > 60 ? safe.substring(0, 60) + "…" : safe;
    }
}
