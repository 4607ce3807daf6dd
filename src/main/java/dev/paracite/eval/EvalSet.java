package dev.paracite.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.paracite.corpus.Document;
import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads an evaluation set: one JSON object per line, blank lines ignored, checked against the schema. */
public final class EvalSet {

    private EvalSet() {}

    public static List<EvalQuestion> load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvalException("Eval set " + file + " cannot be read: " + e.getMessage() + ".");
        }
        List<EvalQuestion> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                EvalQuestion q = parse(file, i + 1, lines.get(i));
                if (!ids.add(q.id())) {
                    throw new EvalException(file + " line " + (i + 1) + " repeats id " + q.id() + ".");
                }
                questions.add(q);
            }
        }
        if (questions.isEmpty()) {
            throw new EvalException("Eval set " + file + " has no questions.");
        }
        return questions;
    }

    /**
     * The questions as cases, one per document they are asked of: those naming a document (a file relative
     * to {@code set}'s folder) on it, the rest on {@code chosen}. Documents are read once each, in the order
     * the set first names them.
     */
    public static List<EvalCase> cases(Path set, List<EvalQuestion> questions, java.util.function.Supplier<Document> chosen,
                                       java.util.function.Function<Path, Document> read) {
        java.util.Map<String, List<EvalQuestion>> byDocument = new java.util.LinkedHashMap<>();
        questions.forEach(q -> byDocument.computeIfAbsent(q.document() == null ? "" : q.document(), d -> new ArrayList<>())
                .add(q));
        Path folder = set.toAbsolutePath().getParent();
        List<EvalCase> cases = new ArrayList<>();
        byDocument.forEach((document, asked) -> cases.add(new EvalCase(document.isEmpty() ? chosen.get()
                : read.apply(folder.resolve(document)), asked)));
        return cases;
    }

    private static EvalQuestion parse(Path file, int line, String json) {
        EvalQuestion q;
        try {
            q = Json.read(json, EvalQuestion.class);
        } catch (JsonProcessingException e) {
            throw new EvalException(file + " line " + line + " is not a valid question: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ") + ".");
        }
        String problem = q.id() == null || q.id().isBlank() ? "has no id"
                : q.question() == null || q.question().isBlank() ? "has no question"
                : q.answerable() && q.gold().isEmpty() ? "is answerable but has no gold paragraph"
                : !q.answerable() && !q.gold().isEmpty() ? "is unanswerable but has gold paragraphs"
                : null;
        if (problem != null) {
            throw new EvalException(file + " line " + line + " " + problem + ".");
        }
        return q;
    }
}
