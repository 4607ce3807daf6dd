package dev.paracite.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server tells its operator: each request to {@code metrics} (served back at {@code GET /metrics})
 * and, as one line, to {@code accessLog} (null: no access log).
 */
public record Monitoring(RequestMetrics metrics, Consumer<String> accessLog) {

    /** Neither metrics nor an access log: for tests that serve many requests and watch something else. */
    public static final Monitoring NONE = new Monitoring(RequestMetrics.NONE, null);

    /** The access log's lines go to this logger at INFO; {@code -Dorg.slf4j.simpleLogger.log.paracite.access=off} silences it. */
    private static final Logger ACCESS = LoggerFactory.getLogger("paracite.access");

    /** {@code metrics}, and the access log at INFO on the logger {@code paracite.access}. */
    public static Monitoring logged(RequestMetrics metrics) {
        return new Monitoring(metrics, ACCESS.isInfoEnabled() ? ACCESS::info : null);
    }

    /** "text/plain; version=0.0.4": what Prometheus asks for and what {@link RequestMetrics#scrape} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** Logs and counts every request, and serves the metrics (when there are any) behind {@code guard}. */
    void install(JavalinConfig config, Guard guard, boolean logQuestions) {
        if (metrics == RequestMetrics.NONE && accessLog == null) {
            return; // Javalin times requests only when something listens
        }
        config.requestLogger.http(new RequestLog(metrics, accessLog, logQuestions));
        // Javalin resolves the matched endpoint before "before" handlers run only when a beforeMatched
        // handler exists: with it, a request the guard refuses is still counted under its route
        config.routes.beforeMatched(ctx -> { });
        if (metrics != RequestMetrics.NONE) {
            // HEAD runs the GET handler, key check included; Jetty sends its headers without the body
            for (HandlerType type : List.of(HandlerType.GET, HandlerType.HEAD)) {
                config.routes.addHttpHandler(type, "/metrics", ctx -> {
                    guard.checkMetrics(ctx);
                    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
                });
            }
        }
    }
}
