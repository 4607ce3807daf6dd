package dev.paracite.eval;

import dev.paracite.assistant.CitationMarker;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.grounding.Context;
import dev.paracite.grounding.Support;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scores one response against its question; the formulas are in eval/README.md. */
public final class Scoring {

    private Scoring() {}

    /**
     * Scores {@code r}; its shown statements are checked again with {@code support}, the check the answer
     * path uses, against the document's paragraphs.
     */
    public static QuestionResult score(EvalQuestion q, Document document, Response r, double latencyMs, Support support) {
        List<String> cited = r.citations().stream().map(Response.Cited::paragraph).toList();
        List<String> retrieved = r.retrieved().stream().map(Response.Retrieved::paragraph).toList();
        Context context = Context.of(document);
        int statements = 0;
        int supported = 0;
        int citations = 0;
        int supporting = 0;
        for (Response.Statement statement : r.statements()) {
            statements++;
            boolean any = false;
            for (Response.SpanCitation c : statement.citations()) {
                citations++;
                boolean ok = document.paragraph(c.paragraph())
                        .flatMap(p -> support.check(statement.text(), p, context)).isPresent();
                supporting += ok ? 1 : 0;
                any |= ok;
            }
            supported += any ? 1 : 0;
        }
        int invalid = (int) cited.stream().filter(l -> document.paragraph(l).isEmpty()).count();
        int[] labels = labelled(q.labelled(), r);
        int found = factsFound(q.facts(), r.answer());
        boolean answered = "answered".equals(r.outcome().wire());
        String failure = failure(q, answered, cited, found);
        return new QuestionResult(q.id(), document.name(), q.kind(), q.question(), q.answerable(), q.gold(),
                r.outcome().wire(), r.answer(), cited, retrieved,
                q.answerable() ? recallAt(q.gold(), retrieved, 1) : null,
                q.answerable() ? recallAt(q.gold(), retrieved, 5) : null,
                q.answerable() ? mrrAt(q.gold(), retrieved, 10) : null,
                q.answerable() ? citationRecall(q.gold(), cited) : null,
                citationPrecision(q.gold(), q.acceptable(), cited),
                statements, supported, citations, supporting, r.droppedStatements().size(),
                q.facts().size(), found, invalid, labels[0], labels[1], labels[2], labels[3], latencyMs, failure == null,
                failure);
    }

    /**
     * For a replayed answer: {supported sentences, of them shown, unsupported sentences, of them shown}. A
     * sentence is shown when its words (markers aside) appear in the answer the user got.
     */
    static int[] labelled(List<ReplayModel.Labelled> labels, Response r) {
        int[] counts = new int[4];
        String shown = "answered".equals(r.outcome().wire()) ? Words.normalized(withoutMarkers(r.answer())) : " ";
        for (ReplayModel.Labelled l : labels) {
            String words = Words.normalized(withoutMarkers(l.text()));
            boolean visible = !words.isBlank() && shown.contains(words);
            int at = l.supported() ? 0 : 2;
            counts[at]++;
            counts[at + 1] += visible ? 1 : 0;
        }
        return counts;
    }

    private static String withoutMarkers(String text) {
        return CitationMarker.rewrite(text, label -> false).replaceFirst("^\\s*[-*•]\\s+", "");
    }

    /** Share of gold labels among the first {@code k} retrieved. */
    public static double recallAt(List<String> gold, List<String> retrieved, int k) {
        Set<String> top = new HashSet<>(retrieved.subList(0, Math.min(k, retrieved.size())));
        return gold.stream().filter(top::contains).count() / (double) gold.size();
    }

    /** 1 / rank of the first gold label within the first {@code k} retrieved, else 0. */
    public static double mrrAt(List<String> gold, List<String> retrieved, int k) {
        for (int i = 0; i < Math.min(k, retrieved.size()); i++) {
            if (gold.contains(retrieved.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Gold labels cited / gold labels. */
    public static double citationRecall(List<String> gold, List<String> cited) {
        return gold.stream().filter(cited::contains).count() / (double) gold.size();
    }

    /** Cited labels within gold or acceptable / cited labels; null when nothing is cited. */
    public static Double citationPrecision(List<String> gold, List<String> acceptable, List<String> cited) {
        if (cited.isEmpty()) {
            return null;
        }
        return cited.stream().filter(l -> gold.contains(l) || acceptable.contains(l)).count() / (double) cited.size();
    }

    /** Fact groups with at least one phrase in the answer (case, punctuation and spacing ignored). */
    public static int factsFound(List<List<String>> facts, String answer) {
        String text = Words.normalized(answer);
        return (int) facts.stream()
                .filter(group -> group.stream().anyMatch(p -> !p.isBlank() && text.contains(Words.normalized(p))))
                .count();
    }

    /**
     * Why a question failed: an answerable one must be answered citing a gold paragraph and containing
     * one phrase of each of its fact groups; an unanswerable one must be declined.
     */
    private static String failure(EvalQuestion q, boolean answered, List<String> cited, int factsFound) {
        if (!q.answerable()) {
            return answered ? "answered a question the document cannot answer, citing " + cited : null;
        }
        if (!answered) {
            return "said not in the document";
        }
        if (cited.stream().noneMatch(q.gold()::contains)) {
            return "cited " + cited + " but the gold is " + q.gold();
        }
        if (factsFound < q.facts().size()) {
            return "cited a gold paragraph but the answer lacks " + (q.facts().size() - factsFound) + " of "
                    + q.facts().size() + " key facts";
        }
        return null;
    }
}
