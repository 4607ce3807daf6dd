package dev.paracite.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paracite.assistant.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code /v1/*} sends, in the shapes of OpenAI's chat-completions API, with Paracite's citations
 * added where clients that know them look: on the message and, search-API style, beside the choices.
 */
final class OpenAiWire {

    /** The one model listed and named in every response; requests may name any model. */
    static final String MODEL = "paracite";

    private OpenAiWire() {}

    /** {@code chat.completion}: the whole answer. */
    record Completion(String id, String object, long created, String model, List<Choice> choices,
                      List<Citation> citations) {}

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {}

    record Message(String role, String content, List<Citation> citations) {}

    /**
     * A paragraph the answer cites, once per statement citing it: its text, and {@code span}, the
     * characters {@code [start, end)} of the content that the statement (markers included) takes.
     */
    record Citation(String paragraph, String section, String text, String document, Span span) {}

    record Span(int start, int end) {}

    /** {@code chat.completion.chunk}: one piece of a streamed answer; the last carries the citations. */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Citation> citations) {}

    /** {@code finish_reason} is null (and sent as null) until the last chunk. */
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content, List<Citation> citations) {}

    /** {@code GET /v1/models}. */
    record Models(String object, List<Model> data) {}

    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {}

    /** Every {@code /v1/*} error: {@code {"error": {"message", "type", "param", "code"}}}. */
    record ErrorBody(Error error) {

        static ErrorBody of(ApiError e) {
            return new ErrorBody(new Error(e.getMessage(), type(e.status()), e.param(), e.code()));
        }

        /** OpenAI's error types by status; the code is Paracite's, as on {@code /api/*}. */
        private static String type(int status) {
            return switch (status) {
                case 401 -> "authentication_error";
                case 429 -> "rate_limit_error";
                default -> status >= 500 ? "server_error" : "invalid_request_error";
            };
        }
    }

    record Error(String message, String type, String param, String code) {}

    /** The citations of {@code response}, in the order its statements make them. */
    static List<Citation> citations(Response response) {
        Map<String, Response.Cited> cited = response.citations().stream()
                .collect(Collectors.toMap(Response.Cited::paragraph, Function.identity(), (a, b) -> a));
        List<Citation> citations = new ArrayList<>();
        for (Response.Statement statement : response.statements()) {
            for (String label : statement.citations().stream().map(Response.SpanCitation::paragraph).distinct().toList()) {
                Response.Cited paragraph = cited.get(label);
                if (paragraph != null) {
                    citations.add(new Citation(paragraph.paragraph(), paragraph.section(), paragraph.text(),
                            response.document(), new Span(statement.start(), statement.end())));
                }
            }
        }
        return citations;
    }
}
