package dev.paracite.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;

/** The application's JSON mapper as the server uses it: request bodies that are not JSON become 400s. */
final class Json {

    private Json() {}

    static String write(Object value) {
        return dev.paracite.json.Json.write(value);
    }

    /** {@code value} as UTF-8 JSON, written straight to bytes (no String in between). */
    static byte[] bytes(Object value) {
        return dev.paracite.json.Json.bytes(value);
    }

    /** Answers {@code ctx} with {@code value} as its JSON body. */
    static void respond(Context ctx, Object value) {
        ctx.contentType("application/json").result(bytes(value));
    }

    static JsonNode read(byte[] body) {
        try {
            JsonNode node = dev.paracite.json.Json.tree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiError.badRequest("invalid_json", "The request body is empty; send a JSON object with a question.");
            }
            return node;
        } catch (IOException e) {
            throw ApiError.badRequest("invalid_json", "The request body is not valid JSON.");
        }
    }
}
