package dev.paracite.server;

import dev.paracite.assistant.Response;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** {@code POST /api/ask} (one JSON response) and {@code POST /api/ask/stream} (server-sent events). */
final class AskRoutes {

    private final Answering answering;
    /** Refuses a question scoped to documents the library does not hold. */
    private final Consumer<List<String>> scope;

    AskRoutes(Answering answering, Consumer<List<String>> scope) {
        this.answering = answering;
        this.scope = scope;
    }

    void ask(Context ctx) {
        AskRequests.AskRequest request = AskRequests.read(ctx);
        scope.accept(request.question().documents());
        RequestLog.asked(ctx, request.question().text());
        Response response = answering.answer(ctx, request.question());
        Json.respond(ctx, response.sent(request.include()));
    }

    /** Validates before the stream opens, so bad requests get a plain JSON error like {@link #ask}. */
    void stream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiError(406, "not_acceptable", "The stream answers with server-sent events; send Accept: text/event-stream.");
        }
        AskRequests.AskRequest request = AskRequests.read(ctx);
        scope.accept(request.question().documents());
        RequestLog.asked(ctx, request.question().text());
        answering.stream(ctx, request.question(), new Events(request.include()));
    }

    /** Named events: {@code retrieved}, one {@code delta} per checked statement, then {@code done} or {@code error}. */
    private record Events(Set<Response.Part> include) implements StreamFormat {

        @Override
        public void retrieved(SseClient client, List<Response.Retrieved> retrieved) {
            if (include.contains(Response.Part.RETRIEVED)) {
                Answering.send(client, "retrieved", retrieved);
            }
        }

        @Override
        public void delta(SseClient client, String text, Response.Statement statement) {
            Answering.send(client, "delta", new Delta(text, statement));
        }

        @Override
        public void done(SseClient client, Response response) {
            Answering.send(client, "done", response.sent(include));
        }

        @Override
        public void error(SseClient client, ApiError error) {
            Answering.send(client, "error", error.body());
        }
    }

    /** A {@code delta} event: the text the statement adds to the answer, and the checked statement. */
    private record Delta(String text, Response.Statement statement) {}
}
