package dev.paracite.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.assistant.InvalidQuestionException;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.assistant.Turn;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code {"question": "…", "history": [{"role", "content"}], "topK": 5, "include": ["retrieved"],
 * "documents": ["id"]}}
 * into a {@link Question} and the parts of the response asked for, refusing anything else with a 4xx
 * error that says what to change.
 */
final class AskRequests {

    /** A question, and the optional parts of its response the client wants (all when it does not say). */
    record AskRequest(Question question, Set<Response.Part> include) {}


    static final int MAX_BODY = 64 * 1024;
    private static final long DRAIN_LIMIT = 1024 * 1024;
    private static final Set<String> FIELDS = Set.of("question", "history", "topK", "include", "documents");
    /** More ids than any library a person keeps; bounds the work of checking them. */
    static final int MAX_DOCUMENTS = 100;

    private AskRequests() {}

    static AskRequest read(Context ctx) {
        return parse(json(ctx));
    }

    /** A JSON request body, as every route that takes one reads it: its content type, size and syntax checked. */
    static JsonNode json(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "Send the question as JSON with Content-Type: application/json.");
        }
        return Json.read(body(ctx));
    }

    /** A question from its parts, or the 400 that says whether the question or the history is at fault. */
    static Question question(String text, List<Turn> history, int topK) {
        return question(text, history, topK, List.of());
    }

    static Question question(String text, List<Turn> history, int topK, List<String> documents) {
        try {
            return new Question(text, history, topK, documents);
        } catch (InvalidQuestionException e) {
            throw ApiError.badRequest(e.aboutHistory() ? "invalid_history" : "invalid_question", e.getMessage());
        }
    }

    static AskRequest parse(JsonNode json) {
        if (!json.isObject()) {
            throw ApiError.badRequest("invalid_request", "The request body must be a JSON object with a question.");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest("invalid_request", "Unknown field \"" + clip(name)
                        + "\"; the fields are question, history, topK, include and documents.");
            }
        }
        JsonNode question = json.get("question");
        if (question == null || question.isNull()) {
            throw ApiError.badRequest("invalid_request", "The field \"question\" is missing.");
        }
        if (!question.isTextual()) {
            throw ApiError.badRequest("invalid_request", "The field \"question\" must be a string.");
        }
        Question asked = question(question.asText(), history(json.get("history")), topK(json.get("topK")),
                documents(json.get("documents")));
        return new AskRequest(asked, include(json.get("include")));
    }

    private static List<Turn> history(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("invalid_history", "The field \"history\" must be a list of {role, content} turns.");
        }
        if (node.size() > Question.MAX_HISTORY) {
            throw ApiError.badRequest("invalid_history", "history has " + node.size() + " turns; the limit is "
                    + Question.MAX_HISTORY + ".");
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode turn : node) {
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (!turn.isObject() || turn.size() != 2 || role == null || !role.isTextual() || content == null
                    || !content.isTextual()) {
                throw ApiError.badRequest("invalid_history", "Each history turn must be {\"role\": \"user\" or "
                        + "\"assistant\", \"content\": \"…\"}; turn " + (turns.size() + 1) + " is not.");
            }
            turns.add(new Turn(role.asText(), content.asText()));
        }
        return turns;
    }

    /** The ids of the library documents to ask; empty (all of them) when absent. */
    private static List<String> documents(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX_DOCUMENTS) {
            throw ApiError.badRequest("invalid_request", "documents must be a list of at most " + MAX_DOCUMENTS
                    + " document ids.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw ApiError.badRequest("invalid_request", "documents must list document ids as strings.");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static Set<Response.Part> include(JsonNode node) {
        if (node == null || node.isNull()) {
            return Response.Part.ALL;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest("invalid_include", "include must be a list of the optional parts wanted: " + parts() + ".");
        }
        Set<Response.Part> parts = EnumSet.noneOf(Response.Part.class);
        for (JsonNode part : node) {
            Response.Part known = part.isTextual() ? Response.Part.ALL.stream()
                    .filter(p -> p.wireName().equals(part.asText())).findFirst().orElse(null) : null;
            if (known == null) {
                throw ApiError.badRequest("invalid_include", "include lists \"" + clip(part.asText()) + "\"; the parts are "
                        + parts() + ".");
            }
            parts.add(known);
        }
        return parts;
    }

    /** The parts {@code include} may list, quoted, for an error message. */
    private static String parts() {
        return String.join(", ", Response.Part.ALL.stream().map(p -> "\"" + p.wireName() + "\"").toList());
    }

    private static int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return Question.DEFAULT_TOP_K;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiError.badRequest("invalid_top_k", "topK must be a whole number between 1 and " + Question.MAX_TOP_K + ".");
        }
        return node.asInt();
    }

    /**
     * Reads at most {@link #MAX_BODY} bytes. An oversized body is still read and discarded up to
     * {@link #DRAIN_LIMIT} so that the client, still sending, can read the 413 rather than a reset.
     */
    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                in.skipNBytes(Math.min(DRAIN_LIMIT, Math.max(0, ctx.req().getContentLengthLong() - bytes.length)));
                throw tooLarge();
            }
            return bytes;
        } catch (java.io.EOFException e) {
            throw tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "payload_too_large", "The request body is larger than 64 KiB.");
    }

    /** Request text echoed in a message: letters, digits and a few marks only, and short. */
    static String clip(String s) {
        String safe = s.replaceAll("[^\\p{L}\\p{N} _.,-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
