package dev.paracite.server;

import dev.paracite.assistant.AnswerListener;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Call;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions for every route that asks them, whole or streamed: each answer holds a place the
 * guard allows, and its model call is cancelled when the client leaves. Streams still open at shutdown
 * are ended in their own format.
 */
final class Answering {

    private static final Logger LOG = LoggerFactory.getLogger(Answering.class);

    /** Asked once per question: a library's assistant changes when its documents do. */
    private final Supplier<Assistant> assistants;
    private final Guard guard;
    /** Streams being written: the thread writing each, and its format. */
    private final Map<SseClient, Open> open = new ConcurrentHashMap<>();

    private record Open(Thread thread, StreamFormat format) {}

    Answering(Supplier<Assistant> assistants, Guard guard) {
        this.assistants = assistants;
        this.guard = guard;
    }

    /**
     * One answer being written: its place among those the guard allows, its call, and the watch that
     * cancels the call when the client leaves. Closing it ends the watch and gives the place back.
     */
    private record Run(Guard.Place place, Call call, ClientWatch watch) implements AutoCloseable {

        static Run start(Context ctx, Guard guard) {
            Guard.Place place = guard.startAnswer(ctx);
            Call call = Call.start();
            return new Run(place, call, ClientWatch.start(ctx, call));
        }

        @Override
        public void close() {
            watch.close();
            place.release();
        }
    }

    /** The whole answer to {@code question}; the connection is marked to close when the watch read past the request. */
    Response answer(Context ctx, Question question) {
        try (Run run = Run.start(ctx, guard)) {
            Response response;
            try {
                response = assistants.get().ask(question, AnswerListener.NONE, run.call());
            } catch (ModelUnavailableException e) {
                abandoned(run.call(), Errors.requestId(ctx));
                throw e;
            }
            if (run.watch().stop()) {
                ctx.header("Connection", "close");
            }
            return response;
        }
    }

    /** Streams the answer through Javalin's handler, on its own thread; the request must accept event streams. */
    void stream(Context ctx, Question question, StreamFormat format) {
        String requestId = Errors.requestId(ctx);
        Run run = Run.start(ctx, guard);
        try {
            // the handler streams on another thread; that thread gives the place back when it is done
            new SseHandler(client -> {
                try (run) {
                    stream(client, question, format, requestId, run.call());
                }
            }).handle(ctx);
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /**
     * Streams the answer on the request's own thread whatever the {@code Accept} header says, as
     * OpenAI's clients expect (they ask for JSON and read events).
     */
    void streamHere(Context ctx, Question question, StreamFormat format) {
        String requestId = Errors.requestId(ctx);
        try (Run run = Run.start(ctx, guard)) {
            ctx.status(200);
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setContentType("text/event-stream");
            ctx.header("Cache-Control", "no-cache");
            ctx.header("X-Accel-Buffering", "no");
            SseClient client = new SseClient(ctx);
            stream(client, question, format, requestId, run.call());
            client.close();
        }
    }

    /**
     * Ends every stream still open with its format's error, closes it, and interrupts the thread writing
     * it so that its model call is cancelled; how many there were.
     */
    int endStreams(ApiError why) {
        int ended = 0;
        for (Map.Entry<SseClient, Open> stream : open.entrySet()) {
            synchronized (stream.getKey()) {
                stream.getValue().format().error(stream.getKey(), why);
                stream.getKey().close();
            }
            stream.getValue().thread().interrupt();
            ended++;
        }
        return ended;
    }

    private void stream(SseClient client, Question question, StreamFormat format, String requestId, Call call) {
        open.put(client, new Open(Thread.currentThread(), format));
        // at once, before retrieval or a model is waited for: proxies and browsers see the stream is alive
        write(client, c -> c.sendComment("answering"));
        try {
            Response response = assistants.get().ask(question, new AnswerListener() {
                @Override
                public void retrieved(List<Response.Retrieved> retrieved) {
                    format.retrieved(client, retrieved);
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
                    format.delta(client, text, statement);
                }
            }, call);
            format.done(client, response);
        } catch (ClientGone e) {
            LOG.info("request {}: the client went away; the answer was abandoned", requestId);
        } catch (ModelUnavailableException e) {
            if (abandoned(call, requestId)) {
                return;
            }
            LOG.warn("request {}: {}", requestId, e.getMessage());
            format.error(client, Errors.model(e));
        } catch (IndexUnavailableException e) {
            LOG.warn("request {}: {}", requestId, e.getMessage());
            format.error(client, Errors.index());
        } catch (RuntimeException e) {
            if (client.terminated()) {
                LOG.info("request {}: the stream was closed before the answer was done ({})", requestId, e.getMessage());
            } else {
                LOG.error("request {} failed while streaming", requestId, e);
                format.error(client, new ApiError(500, "internal_error", Errors.internalMessage(requestId)));
            }
        } finally {
            open.remove(client);
            // an interrupt meant for this stream must not outlive it on a pooled thread
            Thread.interrupted();
        }
    }

    /** Whether {@code call} ended because its client left, which the log then says. */
    private static boolean abandoned(Call call, String requestId) {
        if (call.cancelled()) {
            LOG.info("request {}: the client went away; the answer was abandoned", requestId);
        }
        return call.cancelled();
    }

    /** Thrown into the model's stream when the client has gone, so the provider call is cancelled. */
    private static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("client went away", null, false, false);
        }
    }

    /** Writes a named event, or a bare {@code data:} line when {@code event} is null; JSON unless a String. */
    static void send(SseClient client, String event, Object data) {
        String text = data instanceof String s ? s : Json.write(data);
        write(client, c -> {
            if (event == null) {
                c.sendData(text);
            } else {
                c.sendEvent(event, text);
            }
        });
    }

    /** The answering thread and shutdown may both write to a stream, never at once; a closed one is left alone. */
    private static void write(SseClient client, Consumer<SseClient> writing) {
        synchronized (client) {
            if (!client.terminated()) {
                writing.accept(client);
            }
        }
    }
}
