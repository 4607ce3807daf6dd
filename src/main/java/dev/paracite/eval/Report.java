package dev.paracite.eval;

import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one evaluation run: the set's name and {@link SetIdentity}, the summary overall and per
 * kind, and every question's result.
 */
public record Report(String set, String identity, String model, String createdAt, Summary overall,
                     Map<String, Summary> byKind, List<QuestionResult> questions) {

    public Report {
        byKind = Map.copyOf(byKind);
        questions = List.copyOf(questions);
    }

    public static Report read(Path file) {
        try {
            return Json.read(file, Report.class);
        } catch (IOException e) {
            throw new EvalException("Report " + file + " cannot be read: " + e.getMessage().split("\n")[0] + ".");
        }
    }
}
