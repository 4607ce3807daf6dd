package dev.paracite.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bars a run must clear, from eval/thresholds.json: a list of entries, each for one set (by its
 * {@link SetIdentity}) and one model:
 * {@code {"sets": [{"name": "dev", "identity": "3f2a...", "model": "extractive", "min": {"citedGold": 0.9},
 * "max": {"invalidCitations": 0}}]}}. Metric names are the fields of {@link Summary}; {@code name} is
 * for people only.
 */
public final class Thresholds {

    private final JsonNode root;

    private Thresholds(JsonNode root) {
        this.root = root;
    }

    public static Thresholds load(Path file) {
        try {
            JsonNode root = Json.tree(file);
            if (!root.path("sets").isArray()) {
                throw new EvalException("Thresholds " + file + " need a \"sets\" list.");
            }
            return new Thresholds(root);
        } catch (IOException e) {
            throw new EvalException("Thresholds " + file + " cannot be read: " + e.getMessage().split("\n")[0] + ".");
        }
    }

    /** The entry for this set and model, if there is one. */
    private Optional<JsonNode> entry(String identity, String model) {
        for (JsonNode set : root.path("sets")) {
            if (set.path("identity").asText().equals(identity) && set.path("model").asText().equals(model)) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    public boolean covers(Report report) {
        return entry(report.identity(), report.model()).isPresent();
    }

    /** Every threshold the report misses, as sentences; empty when it clears them all. */
    public List<String> misses(Report report) {
        List<String> misses = new ArrayList<>();
        JsonNode set = entry(report.identity(), report.model()).orElseThrow();
        Map<String, Object> values = Json.convert(report.overall(), Map.class);
        check(set.path("min"), values, true, misses);
        check(set.path("max"), values, false, misses);
        return misses;
    }

    private static void check(JsonNode bounds, Map<String, Object> values, boolean min, List<String> misses) {
        for (Iterator<Map.Entry<String, JsonNode>> it = bounds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> bound = it.next();
            Object value = values.get(bound.getKey());
            if (!values.containsKey(bound.getKey())) {
                throw new EvalException("Thresholds name an unknown metric \"" + bound.getKey() + "\".");
            }
            double limit = bound.getValue().asDouble();
            double actual = value == null ? Double.NaN : ((Number) value).doubleValue();
            boolean ok = min ? actual >= limit - 1e-9 : actual <= limit + 1e-9;
            if (!ok) {
                misses.add(String.format("%s is %s; the %s is %s", bound.getKey(), value == null ? "undefined"
                        : Format.number(actual), min ? "minimum" : "maximum", Format.number(limit)));
            }
        }
    }
}
