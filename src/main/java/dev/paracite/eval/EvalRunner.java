package dev.paracite.eval;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.InvalidQuestionException;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Asks every question of every case through the assistant for its document, and scores the answers. */
public final class EvalRunner {

    /** Told how many questions have been asked of how many, after each one; for a progress bar. */
    @FunctionalInterface
    public interface Progress {

        Progress NONE = (done, total) -> { };

        void asked(int done, int total);
    }

    private final Function<Document, Assistant> assistants;
    private final Progress progress;

    public EvalRunner(Function<Document, Assistant> assistants, Progress progress) {
        this.assistants = assistants;
        this.progress = progress;
    }

    public Report run(String set, List<EvalCase> cases) {
        int total = cases.stream().mapToInt(c -> c.questions().size()).sum();
        List<QuestionResult> results = new ArrayList<>();
        String model = "";
        for (EvalCase c : cases) {
            Assistant assistant = assistants.apply(c.document());
            model = assistant.modelName();
            for (EvalQuestion q : c.questions()) {
                results.add(ask(assistant, c.document(), q));
                progress.asked(results.size(), total);
            }
        }
        Map<String, Summary> byKind = results.stream()
                .collect(Collectors.groupingBy(QuestionResult::kind, TreeMap::new, Collectors.toList()))
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Summary.of(e.getValue()), (a, b) -> a, TreeMap::new));
        return new Report(set, SetIdentity.of(cases), model, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Summary.of(results), byKind, results);
    }

    private static QuestionResult ask(Assistant assistant, Document document, EvalQuestion q) {
        long start = System.nanoTime();
        Response response;
        try {
            response = assistant.ask(new Question(q.question(), q.history(), Question.DEFAULT_TOP_K));
        } catch (InvalidQuestionException e) {
            response = new Response(Outcome.NOT_IN_DOCUMENT, "The question was refused: " + e.getMessage(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), assistant.modelName(), document.name(),
                    new Response.Timings(0, 0, 0), null);
        }
        return Scoring.score(q, document, response, (System.nanoTime() - start) / 1e6, assistant.support());
    }
}
