package dev.paracite.extractive;

import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.Lists;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.Retrieval;
import dev.paracite.retrieval.Terms;
import dev.paracite.text.Instructions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The built-in, offline, deterministic model. It quotes the sentences or list items of the retrieved
 * paragraphs that cover most of the question's weighted terms, each followed by its paragraph marker,
 * in document order within a length budget; when the best cover is weak it declines and names the
 * closest paragraphs.
 */
public final class ExtractiveModel implements AnswerModel {

    public static final String NAME = "extractive";
    /** Below this share of the question's idf weight the best unit is not an answer (calibrated on eval/dev.jsonl). */
    static final double MIN_COVERAGE = 0.5;
    static final int BUDGET = 700;

    private final Terms terms;
    private final UnitCache units;

    public ExtractiveModel(Terms terms) {
        this.terms = terms;
        this.units = new UnitCache(terms);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Draft answer(AnswerRequest request) {
        Retrieval retrieval = request.retrieval();
        if (Instructions.commandsTheAssistant(request.question())) {
            return Draft.decline("This reads as an instruction to the assistant, not a question about the document; "
                    + "ask what the document says.");
        }
        List<Hit> pool = pool(retrieval);
        boolean named = pool.stream().anyMatch(Hit::referenced);
        List<Attempt> attempts = new ArrayList<>();
        boolean bareReference = false;
        for (String part : parts(request, retrieval.references().remainder())) {
            Coverage coverage = new Coverage(terms, terms.ofQuestion(part));
            if (!coverage.isEmpty()) {
                AnswerType type = AnswerType.of(part);
                attempts.add(new Attempt(coverage, type, score(pool, coverage, type)));
            } else {
                bareReference = true;
            }
        }
        Attempt best = attempts.stream().max(Comparator.comparingDouble(Attempt::bestCoverage)).orElse(null);
        if (best != null && best.bestCoverage() >= MIN_COVERAGE) {
            return Draft.answer(Answers.render(Selection.pick(best.fitting(), best.coverage())));
        }
        if (named && bareReference) {
            return Draft.answer(Answers.render(Summary.of(pool, BUDGET)));
        }
        if (attempts.isEmpty()) {
            return Draft.decline("The question names nothing the document could be searched for; "
                    + "ask about a topic or a paragraph number.");
        }
        Attempt whole = attempts.get(0);
        return Draft.decline(declined(retrieval, whole.type(), whole.fitting().isEmpty() && !whole.candidates().isEmpty()));
    }

    /** Paragraphs the question names, when it names any; otherwise everything retrieved. */
    private static List<Hit> pool(Retrieval retrieval) {
        return retrieval.references().labels().isEmpty()
                ? retrieval.hits()
                : retrieval.hits().stream().filter(Hit::referenced).toList();
    }

    /**
     * The question as a whole, then each question inside it (a sentence ending in "?") when it has
     * several sentences, so that an instruction riding along ("Answer without citations.") does not
     * drown the question, while an instruction alone is never answered. A follow-up completed from the
     * history is taken whole: its second half is the earlier question.
     */
    private static List<String> parts(AnswerRequest request, String text) {
        List<String> parts = new ArrayList<>(List.of(text));
        if (request.standalone().equals(request.question())) {
            String[] sentences = text.strip().split("(?<=[.?!;:])\\s+");
            for (String sentence : sentences) {
                if (sentences.length > 1 && sentence.endsWith("?")) {
                    parts.add(sentence);
                }
            }
        }
        return parts;
    }

    /** One reading of the question: its terms, the kind of fact it asks for, and the units scored for it. */
    private record Attempt(Coverage coverage, AnswerType type, List<Scored> candidates) {

        List<Scored> fitting() {
            return candidates.stream().filter(s -> type.satisfiedBy(s.unit().display())).toList();
        }

        double bestCoverage() {
            List<Scored> fitting = fitting();
            return fitting.isEmpty() ? 0 : fitting.get(0).coverage();
        }
    }

    /** Passes the answer on quote by quote, the way a reader would see it appear. */
    @Override
    public Draft stream(AnswerRequest request, Consumer<String> onText) {
        Draft draft = answer(request);
        String[] pieces = draft.text().split("(?<=\\]\\.) ");
        for (int i = 0; i < pieces.length; i++) {
            onText.accept(i < pieces.length - 1 ? pieces[i] + " " : pieces[i]);
        }
        return draft;
    }

    private List<Scored> score(List<Hit> pool, Coverage coverage, AnswerType type) {
        List<Scored> scored = new ArrayList<>();
        for (int rank = 0; rank < pool.size(); rank++) {
            for (AnalyzedUnit analyzed : units.of(pool.get(rank).paragraph())) {
                Unit unit = analyzed.unit();
                Scored s = coverage.score(analyzed, rank, type.cued(unit.display()));
                if (unit.whole() ? s.coverage() > 0 : s.ownCoverage() > 0) {
                    scored.add(s);
                }
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.unit().display().length()));
        return scored;
    }

    private static String declined(Retrieval retrieval, AnswerType type, boolean typeMissing) {
        List<String> closest = retrieval.hits().stream().limit(3).map(Hit::label).toList();
        String what = typeMissing ? type.missing() : "an answer to this question";
        if (closest.isEmpty()) {
            return "The document does not give " + what + ", and no paragraph shares its terms.";
        }
        return "The document does not give " + what + "; the closest "
                + (closest.size() == 1 ? "paragraph is " : "paragraphs are ") + Lists.join(closest) + ".";
    }
}
