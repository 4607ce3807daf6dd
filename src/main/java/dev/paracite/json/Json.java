package dev.paracite.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The application's one configured JSON mapper, for the API, the command line and the evaluation files:
 * strict reading (a repeated key, trailing tokens or a null for a number is an error), compact writing,
 * and pretty writing through the same mapper. The mapper stays private so that nobody reconfigures it.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Json() {}

    /** {@code value} as compact JSON; for values that are always serialisable (records, lists, maps). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw unwritable(value, e);
        }
    }

    /** {@code value} as indented JSON, for people to read. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw unwritable(value, e);
        }
    }

    /** {@code value} as UTF-8 JSON, written straight to bytes (no String in between). */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw unwritable(value, e);
        }
    }

    /** Writes {@code value} as indented JSON to {@code file}. */
    public static void pretty(Object value, Path file) throws IOException {
        MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
    }

    /** The tree of {@code json}; null for empty input. */
    public static JsonNode tree(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    public static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    public static JsonNode tree(Path file) throws IOException {
        return MAPPER.readTree(Files.readAllBytes(file));
    }

    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /** {@code value} as another type through its JSON form, e.g. a record as a map of its fields. */
    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    private static IllegalStateException unwritable(Object value, Exception e) {
        return new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
}
