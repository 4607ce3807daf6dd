package dev.paracite.server;

import dev.paracite.assistant.Response;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;

/**
 * {@code POST /v1/chat/completions} and {@code GET /v1/models}: Paracite as an OpenAI-compatible model,
 * so chat UIs and SDKs can ask it. Answers keep their {@code [8]} markers and carry their citations.
 */
final class ChatCompletions {

    private final Answering answering;
    /** When this server started, in epoch seconds: the model's {@code created}. */
    private final long started;

    ChatCompletions(Answering answering, long started) {
        this.answering = answering;
        this.started = started;
    }

    void complete(Context ctx) {
        ChatRequests.ChatRequest request = ChatRequests.read(ctx);
        RequestLog.asked(ctx, request.question().text());
        String id = "chatcmpl-" + Errors.requestId(ctx);
        long created = System.currentTimeMillis() / 1000;
        if (request.stream()) {
            answering.streamHere(ctx, request.question(), new Chunks(id, created));
            return;
        }
        Response response = answering.answer(ctx, request.question());
        List<OpenAiWire.Citation> citations = OpenAiWire.citations(response);
        OpenAiWire.Message message = new OpenAiWire.Message("assistant", response.answer() + noticed(response), citations);
        Json.respond(ctx, new OpenAiWire.Completion(id, "chat.completion", created, OpenAiWire.MODEL,
                List.of(new OpenAiWire.Choice(0, message, "stop")), citations));
    }

    /**
     * What a chat UI shows is the content alone, so a notice (a paragraph the question names that the
     * document lacks, a fallback model) ends it after a blank line; citation spans keep their places.
     */
    private static String noticed(Response response) {
        return response.notice() == null ? "" : "\n\n" + response.notice();
    }

    void models(Context ctx) {
        Json.respond(ctx, new OpenAiWire.Models("list", List.of(model())));
    }

    void model(Context ctx) {
        if (!ctx.pathParam("model").equals(OpenAiWire.MODEL)) {
            throw new ApiError(404, "model_not_found", "There is no model \"" + AskRequests.clip(ctx.pathParam("model"))
                    + "\"; the one model is \"" + OpenAiWire.MODEL + "\".");
        }
        Json.respond(ctx, model());
    }

    private OpenAiWire.Model model() {
        return new OpenAiWire.Model(OpenAiWire.MODEL, "model", started, "paracite");
    }

    /**
     * {@code chat.completion.chunk}s: the role first, then each checked statement's text as it is made
     * (or, when nothing was answered, the sentence saying why), then the finish with the citations, then
     * {@code [DONE]}. An error is a chunk of OpenAI's error shape, which ends the stream.
     */
    private static final class Chunks implements StreamFormat {

        private final String id;
        private final long created;
        private boolean started;
        private boolean wrote;

        Chunks(String id, long created) {
            this.id = id;
            this.created = created;
        }

        @Override
        public void retrieved(SseClient client, List<Response.Retrieved> retrieved) {
            start(client);
        }

        @Override
        public void delta(SseClient client, String text, Response.Statement statement) {
            start(client);
            send(client, new OpenAiWire.Delta(null, text, null), null, null);
            wrote = true;
        }

        @Override
        public void done(SseClient client, Response response) {
            start(client);
            if (!wrote) {
                send(client, new OpenAiWire.Delta(null, response.answer(), null), null, null);
            }
            if (response.notice() != null) {
                send(client, new OpenAiWire.Delta(null, noticed(response), null), null, null);
            }
            List<OpenAiWire.Citation> citations = OpenAiWire.citations(response);
            send(client, new OpenAiWire.Delta(null, null, citations), "stop", citations);
            Answering.send(client, null, "[DONE]");
        }

        @Override
        public void error(SseClient client, ApiError error) {
            Answering.send(client, null, OpenAiWire.ErrorBody.of(error));
        }

        private void start(SseClient client) {
            if (!started) {
                started = true;
                send(client, new OpenAiWire.Delta("assistant", "", null), null, null);
            }
        }

        private void send(SseClient client, OpenAiWire.Delta delta, String finish, List<OpenAiWire.Citation> citations) {
            Answering.send(client, null, new OpenAiWire.Chunk(id, "chat.completion.chunk", created, OpenAiWire.MODEL,
                    List.of(new OpenAiWire.ChunkChoice(0, delta, finish)), citations));
        }
    }
}
