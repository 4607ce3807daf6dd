package dev.paracite.server;

import dev.paracite.assistant.Response;
import io.javalin.http.sse.SseClient;
import java.util.List;

/**
 * How one kind of stream writes an answer as it is made: Paracite's named events on
 * {@code /api/ask/stream}, OpenAI's chunks on {@code /v1/chat/completions}. {@link Answering} decides
 * when; a format decides what is written, through {@link Answering#send}.
 */
interface StreamFormat {

    /** What retrieval found, before the model is asked. */
    void retrieved(SseClient client, List<Response.Retrieved> retrieved);

    /** A checked statement: the text it adds to the answer and the statement itself. */
    void delta(SseClient client, String text, Response.Statement statement);

    /** The whole response, once the answer is done. */
    void done(SseClient client, Response response);

    /** The answer failed or was stopped; the stream ends after this. */
    void error(SseClient client, ApiError error);
}
