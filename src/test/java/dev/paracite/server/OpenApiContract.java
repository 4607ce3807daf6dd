package dev.paracite.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's OpenAPI document as a checker: whether a real response (status, content type, headers,
 * body, and each server-sent event's data) is one the document promises for that operation. It
 * remembers each operation and status it checked, so a test can ask what was never exercised.
 */
final class OpenApiContract {

    /** Where the document stands for the schema validator, which resolves the document's own references against it. */
    private static final String BASE = "https://paracite.test/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private OpenApiContract(String json) {
        this.document = read(json);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(BASE, json)));
    }

    static OpenApiContract of(String json) {
        return new OpenApiContract(json);
    }

    /** Every operation the document describes, as {@code "GET /api/health"}. */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!method.equals("parameters")) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** Every response the document describes, as {@code "GET /api/health 200"}. */
    Set<String> responses() {
        Set<String> responses = new TreeSet<>();
        for (String operation : operations()) {
            String[] parts = operation.split(" ");
            operation(parts[0], parts[1]).get("responses").fieldNames().forEachRemaining(s -> responses.add(operation + " " + s));
        }
        return responses;
    }

    /** The responses checked so far, as {@link #responses()} names them. */
    Set<String> exercised() {
        return new TreeSet<>(exercised);
    }

    /** Fails with every way a real HTTP response departs from the document. */
    void check(String method, String pathTemplate, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        List<String> problems = violations(method, pathTemplate, response.statusCode(), contentType, response.body());
        problems.addAll(headerViolations(method, pathTemplate, response));
        passOrFail(method, pathTemplate, response.statusCode(), problems, response.body());
    }

    /** Fails with every way the status, content type and body depart from the document. */
    void check(String method, String pathTemplate, int status, String contentType, String body) {
        passOrFail(method, pathTemplate, status, violations(method, pathTemplate, status, contentType, body), body);
    }

    /** How the response departs from what the document says {@code method pathTemplate} answers; empty: it does not. */
    List<String> violations(String method, String pathTemplate, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String pointer = responsePointer(method, pathTemplate, status);
        if (pointer == null) {
            problems.add("status " + status + " is not documented");
            return problems;
        }
        JsonNode content = at(pointer).get("content");
        if (content == null || method.equalsIgnoreCase("HEAD")) {
            if (body != null && !body.isEmpty()) {
                problems.add("a body where the document has none: " + clip(body));
            }
            return problems;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            problems.add("content type \"" + contentType + "\" is not one of " + names(content));
            return problems;
        }
        String media = pointer + "/content/" + escape(mediaType);
        if (mediaType.equals("text/event-stream")) {
            problems.addAll(eventViolations(media, body));
        } else if (mediaType.endsWith("json")) {
            problems.addAll(schemaViolations(media + "/schema", body));
        } // other text (Prometheus's, say) has no schema to check: its content type is the promise
        return problems;
    }

    /**
     * How the stream's events depart from the document: a named event's data from the schema
     * {@code x-events} gives its name, an unnamed one's from {@code x-data}; {@code x-terminator}, the
     * data that ends the stream (OpenAI's {@code [DONE]}), is allowed only as the last event.
     */
    private List<String> eventViolations(String media, String body) {
        JsonNode spec = at(media);
        String terminator = spec.path("x-terminator").asText(null);
        List<Frame> frames = frames(body);
        List<String> problems = new ArrayList<>();
        if (frames.isEmpty()) {
            problems.add("the stream has no events");
        }
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            if (frame.name() == null && frame.data().equals(terminator)) {
                if (i < frames.size() - 1) {
                    problems.add(terminator + " is event " + (i + 1) + " of " + frames.size() + ", not the last");
                }
            } else {
                problems.addAll(frameViolations(media, spec, frame));
            }
        }
        return problems;
    }

    private List<String> frameViolations(String media, JsonNode spec, Frame frame) {
        if (frame.name() == null) {
            if (!spec.has("x-data")) {
                return List.of("an event without a name where the document names each: " + clip(frame.data()));
            }
            return schemaViolations(media + "/x-data", frame.data()).stream().map(p -> "data: " + p).toList();
        }
        JsonNode events = spec.path("x-events");
        JsonNode schema = events.get(frame.name());
        if (schema == null) {
            return List.of("event \"" + frame.name() + "\" is not one of " + names(events));
        }
        return schemaViolations(pointer(schema.get("$ref").asText()), frame.data()).stream()
                .map(p -> "event " + frame.name() + ": " + p).toList();
    }

    /** One server-sent event as sent: its {@code event:} name (null without one) and its data lines, joined. */
    private record Frame(String name, String data) {}

    /** The events of a text/event-stream body; comments, and blocks without data, are not events. */
    private static List<Frame> frames(String body) {
        List<Frame> frames = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            List<String> data = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).replaceFirst("^ ", ""));
                }
            }
            if (!data.isEmpty()) {
                frames.add(new Frame(name, String.join("\n", data)));
            }
        }
        return frames;
    }

    /** Required headers missing, and integer headers that are not whole numbers. */
    private List<String> headerViolations(String method, String pathTemplate, HttpResponse<String> response) {
        List<String> problems = new ArrayList<>();
        String pointer = responsePointer(method, pathTemplate, response.statusCode());
        JsonNode headers = pointer == null ? null : at(pointer).get("headers");
        if (headers == null) {
            return problems;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode spec = resolve(header.getValue());
            String value = response.headers().firstValue(header.getKey()).orElse(null);
            if (value == null) {
                if (spec.path("required").asBoolean()) {
                    problems.add("header " + header.getKey() + " is missing");
                }
            } else if (spec.path("schema").path("type").asText().equals("integer") && !value.matches("[0-9]+")) {
                problems.add("header " + header.getKey() + " is not a whole number: " + value);
            }
        }
        return problems;
    }

    /** Validation messages of {@code json} against the schema at {@code pointer} in the document. */
    List<String> schemaViolations(String pointer, String json) {
        Schema schema = compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)));
        try {
            return schema.validate(json, InputFormat.JSON).stream().map(e -> e.toString()).toList();
        } catch (tools.jackson.core.JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
    }

    /** The pointer to the response the document gives for this status, following a {@code $ref}; null when none. */
    private String responsePointer(String method, String pathTemplate, int status) {
        JsonNode operation = operation(method, pathTemplate);
        if (operation == null) {
            throw new AssertionError(method + " " + pathTemplate + " is not in the document");
        }
        String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode response = at(pointer);
        if (response.isMissingNode()) {
            return null;
        }
        return response.has("$ref") ? pointer(response.get("$ref").asText()) : pointer;
    }

    private JsonNode operation(String method, String pathTemplate) {
        JsonNode path = document.get("paths").get(pathTemplate);
        return path == null ? null : path.get(method.toLowerCase(Locale.ROOT));
    }

    private JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? at(pointer(node.get("$ref").asText())) : node;
    }

    private JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private static String pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only references inside the document are supported: " + ref);
        }
        return ref.substring(1);
    }

    /** A JSON Pointer segment (RFC 6901). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    /** Records the response as exercised when it matches the document; fails listing the problems when not. */
    private void passOrFail(String method, String pathTemplate, int status, List<String> problems, String body) {
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + pathTemplate + " " + status + " departs from the OpenAPI document: "
                    + problems + "\nbody: " + clip(body));
        }
        exercised.add(method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " " + status);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    private static JsonNode read(String json) {
        try {
            return Http.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
