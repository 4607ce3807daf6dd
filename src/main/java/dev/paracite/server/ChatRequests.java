package dev.paracite.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Turn;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads an OpenAI chat-completions request: the last message is the question, earlier user and
 * assistant messages its history; system messages are ignored (the document and Paracite's own rules
 * decide the answer). Fields clients send that change nothing here ({@code model}, {@code temperature},
 * {@code user}, {@code stream_options}, ...) are ignored; {@code n} above 1 is refused.
 */
final class ChatRequests {

    /** A question and whether its answer is streamed. */
    record ChatRequest(Question question, boolean stream) {}

    private static final Set<String> IGNORED_ROLES = Set.of("system", "developer");

    private ChatRequests() {}

    static ChatRequest read(Context ctx) {
        return parse(AskRequests.json(ctx));
    }

    static ChatRequest parse(JsonNode json) {
        if (!json.isObject()) {
            throw ApiError.badRequest("invalid_request", "The request body must be a JSON object with messages.");
        }
        JsonNode n = json.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asLong() == 1)) {
            throw ApiError.badField("n", "invalid_request", "n must be 1: Paracite writes one answer per question.");
        }
        JsonNode stream = json.get("stream");
        if (stream != null && !stream.isNull() && !stream.isBoolean()) {
            throw ApiError.badField("stream", "invalid_request", "stream must be true or false.");
        }
        List<Turn> turns = turns(json.get("messages"));
        Turn last = turns.remove(turns.size() - 1);
        // a chat client sends its whole conversation each time: the newest turns are the history kept
        List<Turn> history = turns.subList(Math.max(0, turns.size() - Question.MAX_HISTORY), turns.size());
        Question question = AskRequests.question(last.content(), history, Question.DEFAULT_TOP_K);
        return new ChatRequest(question, stream != null && stream.asBoolean());
    }

    /** The user and assistant messages as turns, the last one the user's; system messages left out. */
    private static List<Turn> turns(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw messages("messages must be a non-empty list of {\"role\", \"content\"} messages ending with the "
                    + "user's question.");
        }
        List<Turn> turns = new ArrayList<>();
        String lastRole = null;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            JsonNode role = message.get("role");
            if (!message.isObject() || role == null || !role.isTextual()) {
                throw messages("Message " + (i + 1) + " must be an object with a \"role\" and a \"content\".");
            }
            lastRole = role.asText();
            if (IGNORED_ROLES.contains(lastRole)) {
                continue;
            }
            if (!lastRole.equals(Turn.USER) && !lastRole.equals(Turn.ASSISTANT)) {
                throw messages("Message " + (i + 1) + " has the role \"" + AskRequests.clip(lastRole)
                        + "\"; Paracite takes system, user and assistant messages and calls no tools.");
            }
            turns.add(new Turn(lastRole, content(message.get("content"), i)));
        }
        if (!Turn.USER.equals(lastRole)) {
            throw messages("The last message must be the user's question; it is a \"" + AskRequests.clip(lastRole)
                    + "\" message.");
        }
        return turns;
    }

    /** A string, or a list of text parts (joined by line breaks) as newer clients send. */
    private static String content(JsonNode content, int index) {
        if (content != null && content.isTextual()) {
            return content.asText();
        }
        if (content != null && content.isArray()) {
            List<String> texts = new ArrayList<>();
            for (JsonNode part : content) {
                JsonNode text = part.get("text");
                if (!part.isObject() || !"text".equals(part.path("type").asText()) || text == null || !text.isTextual()) {
                    throw messages("Message " + (index + 1) + " has a part that is not text; Paracite reads text only.");
                }
                texts.add(text.asText());
            }
            return String.join("\n", texts);
        }
        throw messages("Message " + (index + 1) + " needs its \"content\" as a string or a list of text parts.");
    }

    private static ApiError messages(String message) {
        return ApiError.badField("messages", "invalid_messages", message);
    }
}
