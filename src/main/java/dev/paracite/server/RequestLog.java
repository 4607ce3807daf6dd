package dev.paracite.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Called by Javalin once each request has ended (a stream when it closes): reports it to the metrics and
 * writes its access-log line, {@code time=… id=… method=… route=… status=… ms=…}, with
 * {@code question="…"} only when questions are logged.
 */
final class RequestLog implements RequestLogger {

    /** The route of a file served from the web folder. */
    static final String STATIC = "static";
    /** The route of a request no route matched (404, 405, a CORS preflight). */
    static final String UNMATCHED = "unmatched";

    private static final String QUESTION = "paracite.question";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final RequestMetrics metrics;
    private final Consumer<String> accessLog;
    private final boolean questions;

    /** {@code accessLog} null: no access log. */
    RequestLog(RequestMetrics metrics, Consumer<String> accessLog, boolean questions) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.questions = questions;
    }

    /** Remembers the question a request asks, for its access-log line when questions are logged. */
    static void asked(Context ctx, String question) {
        ctx.attribute(QUESTION, question);
    }

    @Override
    public void handle(Context ctx, Float executionMillis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        long nanos = (long) (executionMillis * 1_000_000.0);
        metrics.served(method(ctx), route, status, nanos);
        if (accessLog != null) {
            accessLog.accept(line(ctx, route, status, nanos));
        }
    }

    private String line(Context ctx, String route, int status, long nanos) {
        StringBuilder line = new StringBuilder(160)
                .append("time=").append(TIME.format(Instant.now().minusNanos(nanos)))
                .append(" id=").append(Errors.requestId(ctx))
                .append(" method=").append(method(ctx))
                .append(" route=").append(route)
                .append(" status=").append(status)
                .append(" ms=");
        long tenths = Math.round(nanos / 100_000.0);
        line.append(tenths / 10).append('.').append(tenths % 10);
        String question = questions ? ctx.attribute(QUESTION) : null;
        if (question != null) {
            quote(line.append(" question="), question);
        }
        return line.toString();
    }

    /** HTTP's own methods by name, any other as {@code OTHER}: a client cannot add series or log text by inventing one. */
    static String method(Context ctx) {
        return HandlerType.commonHttp().contains(ctx.method()) ? ctx.method().name() : "OTHER";
    }

    /** The template of the route that matched, never the raw path. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        return read && ctx.statusCode() < 400 ? STATIC : UNMATCHED;
    }

    /** {@code text} in double quotes, escaped so that the line stays one line and the quote ends where it should. */
    static void quote(StringBuilder line, String text) {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
