package dev.paracite.server;

import dev.paracite.assistant.AnswerListener;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Call;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.assistant.Response;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/ask} (one JSON response) and {@code POST /api/ask/stream} (server-sent events). */
final class AskRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AskRoutes.class);

    private final Assistant assistant;
    private final Guard guard;
    /** Streams being written, with the thread writing each. */
    private final Map<SseClient, Thread> open = new ConcurrentHashMap<>();

    AskRoutes(Assistant assistant, Guard guard) {
        this.assistant = assistant;
        this.guard = guard;
    }

    /**
     * One answer being written: its place among those the guard allows, its call, and the watch that
     * cancels the call when the client leaves. Closing it ends the watch and gives the place back.
     */
    private record Answering(Guard.Place place, Call call, ClientWatch watch) implements AutoCloseable {

        static Answering start(Context ctx, Guard guard) {
            Guard.Place place = guard.startAnswer(ctx);
            Call call = Call.start();
            return new Answering(place, call, ClientWatch.start(ctx, call));
        }

        @Override
        public void close() {
            watch.close();
            place.release();
        }
    }

    void ask(Context ctx) {
        AskRequests.AskRequest request = AskRequests.read(ctx);
        RequestLog.asked(ctx, request.question().text());
        try (Answering answering = Answering.start(ctx, guard)) {
            Response response;
            try {
                response = assistant.ask(request.question(), AnswerListener.NONE, answering.call());
            } catch (ModelUnavailableException e) {
                abandoned(answering.call(), Errors.requestId(ctx));
                throw e;
            }
            if (answering.watch().stop()) {
                ctx.header("Connection", "close");
            }
            ctx.contentType("application/json").result(Json.bytes(response.sent(request.include())));
        }
    }

    /** Whether {@code call} ended because its client left, which the log then says. */
    private static boolean abandoned(Call call, String requestId) {
        if (call.cancelled()) {
            LOG.info("request {}: the client went away; the answer was abandoned", requestId);
        }
        return call.cancelled();
    }

    /** Validates before the stream opens, so bad requests get a plain JSON error like {@link #ask}. */
    void stream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ApiError(406, "not_acceptable", "The stream answers with server-sent events; send Accept: text/event-stream.");
        }
        AskRequests.AskRequest request = AskRequests.read(ctx);
        RequestLog.asked(ctx, request.question().text());
        String requestId = Errors.requestId(ctx);
        Answering answering = Answering.start(ctx, guard);
        try {
            // the handler streams on another thread; that thread gives the place back when it is done
            new SseHandler(client -> {
                try (answering) {
                    stream(client, request, requestId, answering.call());
                }
            }).handle(ctx);
        } catch (RuntimeException e) {
            answering.close();
            throw e;
        }
    }

    /**
     * Ends every stream still open with an {@code error} event, closes it, and interrupts the thread
     * writing it so that its model call is cancelled; how many there were.
     */
    int endStreams(ApiError.Body why) {
        int ended = 0;
        for (Map.Entry<SseClient, Thread> stream : open.entrySet()) {
            synchronized (stream.getKey()) {
                send(stream.getKey(), "error", why);
                stream.getKey().close();
            }
            stream.getValue().interrupt();
            ended++;
        }
        return ended;
    }

    private void stream(SseClient client, AskRequests.AskRequest request, String requestId, Call call) {
        open.put(client, Thread.currentThread());
        // at once, before retrieval or a model is waited for: proxies and browsers see the stream is alive
        comment(client, "answering");
        try {
            Response response = assistant.ask(request.question(), new AnswerListener() {
                @Override
                public void retrieved(List<Response.Retrieved> retrieved) {
                    if (request.include().contains(Response.Part.RETRIEVED)) {
                        send(client, "retrieved", retrieved);
                    }
                }

                @Override
                public void progress() {
                    if (client.terminated()) {
                        call.cancel(); // nobody waits for this answer any more
                        throw new ClientGone();
                    }
                }

                @Override
                public void delta(String text, Response.Statement statement) {
                    progress();
                    send(client, "delta", new Delta(text, statement));
                }
            }, call);
            send(client, "done", response.sent(request.include()));
        } catch (ClientGone e) {
            LOG.info("request {}: the client went away; the answer was abandoned", requestId);
        } catch (ModelUnavailableException e) {
            if (abandoned(call, requestId)) {
                return;
            }
            LOG.warn("request {}: {}", requestId, e.getMessage());
            send(client, "error", Errors.model(e).body());
        } catch (RuntimeException e) {
            if (client.terminated()) {
                LOG.info("request {}: the stream was closed before the answer was done ({})", requestId, e.getMessage());
            } else {
                LOG.error("request {} failed while streaming", requestId, e);
                send(client, "error", new ApiError.Body("internal_error", Errors.internalMessage(requestId)));
            }
        } finally {
            open.remove(client);
            // an interrupt meant for this stream must not outlive it on a pooled thread
            Thread.interrupted();
        }
    }

    /** A {@code delta} event: the text the statement adds to the answer, and the checked statement. */
    private record Delta(String text, Response.Statement statement) {}

    /** Thrown into the model's stream when the client has gone, so the provider call is cancelled. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client went away", null, false, false);
        }
    }

    private static void comment(SseClient client, String text) {
        write(client, c -> c.sendComment(text));
    }

    private static void send(SseClient client, String event, Object data) {
        write(client, c -> c.sendEvent(event, Json.write(data)));
    }

    /** The answering thread and shutdown may both write to a stream, never at once; a closed one is left alone. */
    private static void write(SseClient client, java.util.function.Consumer<SseClient> writing) {
        synchronized (client) {
            if (!client.terminated()) {
                writing.accept(client);
            }
        }
    }
}
