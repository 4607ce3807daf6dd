package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement-support threshold against hand-labelled pairs (eval/support-calibration.jsonl). */
class SupportCalibrationTest {

    private static List<JsonNode> pairs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/support-calibration.jsonl"))) {
            rows.add(json.readTree(line));
        }
        return rows;
    }

    private static int correct(List<JsonNode> pairs, double threshold) {
        int right = 0;
        for (JsonNode p : pairs) {
            boolean predicted = StatementSupport.supports(p.get("sentence").asText(), p.get("paragraph").asText(), threshold);
            right += predicted == p.get("supported").asBoolean() ? 1 : 0;
        }
        return right;
    }

    @Test
    void the_chosen_threshold_is_the_most_accurate_on_the_labelled_sample() throws IOException {
        List<JsonNode> pairs = pairs();
        int chosen = correct(pairs, StatementSupport.THRESHOLD);
        StringBuilder grid = new StringBuilder();
        for (int percent = 40; percent <= 90; percent += 5) {
            double t = percent / 100.0;
            int right = correct(pairs, t);
            grid.append(String.format("%.2f:%d ", t, right));
            assertTrue(right <= chosen, "threshold " + t + " beats the chosen one: " + grid);
        }
        System.out.println("support calibration (threshold:correct of " + pairs.size() + "): " + grid);
        assertTrue(chosen >= pairs.size() - 1, "accuracy " + chosen + "/" + pairs.size());
    }

    @Test
    void numbers_and_negations_must_agree() {
        String evidence = "The treaty of May 15, 1992 is not binding on observers.";
        assertTrue(StatementSupport.supports("The treaty of May 15, 1992 is not binding on observers.", evidence));
        assertEquals(false, StatementSupport.supports("The treaty of May 15, 1993 is not binding on observers.", evidence));
        assertEquals(false, StatementSupport.supports("The treaty of May 15, 1992 is binding on observers.", evidence));
    }
}
