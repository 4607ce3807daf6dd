package dev.paracite.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A language model's answers played back from a file, so that the grounding of the model path is
 * measured without a key or a network: one JSON object a line, {@code {"id", "answer", "sentences":
 * [{"text", "supported"}]}}, the id naming a question of the evaluation set and each sentence of the
 * answer labelled by hand. A question the file does not answer gets the prompt's "not found" reply.
 */
public final class ReplayModel implements AnswerModel {

    /** What a model says when the paragraphs do not answer (prompts/system.txt). */
    static final String NOT_FOUND = "The document does not contain the answer to this question.";

    /** A hand label: whether the paragraphs the sentence cites really say it. */
    public record Labelled(String text, boolean supported) {}

    private final Map<String, String> byQuestion;
    private final Map<String, List<Labelled>> labels;

    private ReplayModel(Map<String, String> byQuestion, Map<String, List<Labelled>> labels) {
        this.byQuestion = byQuestion;
        this.labels = labels;
    }

    /** Reads {@code file}, matching its ids to the questions of {@code set}. */
    public static ReplayModel load(Path file, List<EvalQuestion> set) {
        Map<String, EvalQuestion> questions = new HashMap<>();
        set.forEach(q -> questions.put(q.id(), q));
        Map<String, String> byQuestion = new HashMap<>();
        Map<String, List<Labelled>> labels = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new EvalException("Replay file " + file + " cannot be read: " + e.getMessage() + ".");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = Json.tree(lines.get(i));
            } catch (IOException e) {
                throw new EvalException(file + " line " + (i + 1) + " is not JSON.");
            }
            EvalQuestion q = questions.get(row.path("id").asText());
            if (q == null || !row.path("answer").isTextual()) {
                throw new EvalException(file + " line " + (i + 1) + " needs an answer and the id of a question in the set.");
            }
            if (byQuestion.put(q.question(), row.get("answer").asText()) != null) {
                throw new EvalException(file + " line " + (i + 1) + " answers a question that already has an answer.");
            }
            List<Labelled> sentences = new ArrayList<>();
            row.path("sentences").forEach(s -> sentences.add(new Labelled(s.path("text").asText(), s.path("supported").asBoolean())));
            labels.put(q.id(), sentences);
        }
        return new ReplayModel(byQuestion, labels);
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Draft answer(AnswerRequest request) {
        String text = byQuestion.getOrDefault(request.question(), NOT_FOUND);
        return text.strip().equals(NOT_FOUND) ? Draft.decline(NOT_FOUND) : Draft.answer(text);
    }

    /** The hand labels of each question's recorded answer, by question id. */
    public Map<String, List<Labelled>> labels() {
        return labels;
    }
}
