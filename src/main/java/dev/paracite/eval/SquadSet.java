package dev.paracite.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * SQuAD 2.0 articles as documents: each article's paragraphs numbered 1..n under the article title,
 * each question with its gold paragraph, SQuAD's answers as its key facts, unanswerable ones marked.
 * Data: ../shared/datasets/squad2-dev-part (CC BY-SA 4.0, Rajpurkar, Jia and Liang, ACL 2018).
 */
public final class SquadSet {


    private SquadSet() {}

    /** Loads every article in {@code dir}/articles, keeping every {@code every}-th question (1 keeps all). */
    public static List<EvalCase> load(Path dir, int every) {
        return load(dir, every, 0, Integer.MAX_VALUE);
    }

    /** Articles {@code first} to {@code last} (0-based, in file-name order), as {@link #load(Path, int)}. */
    public static List<EvalCase> load(Path dir, int every, int first, int last) {
        Path articles = dir.resolve("articles");
        if (!Files.isDirectory(articles)) {
            throw new EvalException("SQuAD folder " + dir + " has no articles/ folder.");
        }
        List<EvalCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(articles)) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            for (int i = first; i <= Math.min(last, all.size() - 1); i++) {
                cases.add(article(all.get(i), every));
            }
        } catch (IOException e) {
            throw new EvalException("SQuAD folder " + dir + " cannot be read: " + e.getMessage() + ".");
        }
        return cases;
    }

    private static EvalCase article(Path file, int every) throws IOException {
        JsonNode article = Json.tree(file).get("data").get(0);
        String title = article.get("title").asText();
        List<Paragraph> paragraphs = new ArrayList<>();
        List<EvalQuestion> questions = new ArrayList<>();
        int n = 0;
        for (JsonNode p : article.get("paragraphs")) {
            String label = Integer.toString(++n);
            paragraphs.add(new Paragraph(label, title, p.get("context").asText(), n));
            for (JsonNode qa : p.get("qas")) {
                boolean answerable = !qa.path("is_impossible").asBoolean(false);
                List<String> answers = new ArrayList<>();
                qa.path("answers").forEach(a -> answers.add(a.isTextual() ? a.asText() : a.path("text").asText()));
                questions.add(new EvalQuestion(title + "/" + qa.get("id").asText(), qa.get("question").asText(),
                        List.of(), answerable ? List.of(label) : List.of(), List.of(), answerable,
                        answerable ? List.of(answers.stream().distinct().toList()) : List.of(),
                        answerable ? "squad" : "squad-unanswerable", ""));
            }
        }
        List<EvalQuestion> kept = new ArrayList<>();
        for (int i = 0; i < questions.size(); i += Math.max(1, every)) {
            kept.add(questions.get(i));
        }
        return new EvalCase(new Document(title, paragraphs, List.of(title), List.of()), kept);
    }
}
