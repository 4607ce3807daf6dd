package dev.paracite.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.paracite.assistant.Turn;
import java.util.List;

/**
 * One evaluation question; the schema is documented in eval/README.md.
 *
 * @param history    earlier turns of the chat, oldest first (follow-ups)
 * @param gold       labels an ideal answer cites; empty when not answerable
 * @param acceptable labels that may also be cited without being wrong
 * @param facts      groups of alternative phrases; a correct answer contains one phrase of every group
 * @param tier       "core" for questions every build must get right; otherwise gated by thresholds
 * @param labelled   for a replayed model answer, its sentences labelled supported or not by hand
 * @param document   the document file the question is asked of, relative to the set's folder; null for the
 *                   document the command chose
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String question, List<Turn> history, List<String> gold,
                           List<String> acceptable, boolean answerable, List<List<String>> facts, String kind,
                           String tier, List<ReplayModel.Labelled> labelled, String document) {

    public EvalQuestion(String id, String question, List<Turn> history, List<String> gold, List<String> acceptable,
                        boolean answerable, List<List<String>> facts, String kind, String tier) {
        this(id, question, history, gold, acceptable, answerable, facts, kind, tier, List.of(), null);
    }

    public EvalQuestion(String id, String question, List<Turn> history, List<String> gold, List<String> acceptable,
                        boolean answerable, List<List<String>> facts, String kind, String tier,
                        List<ReplayModel.Labelled> labelled) {
        this(id, question, history, gold, acceptable, answerable, facts, kind, tier, labelled, null);
    }

    public EvalQuestion {
        history = history == null ? List.of() : List.copyOf(history);
        gold = gold == null ? List.of() : List.copyOf(gold);
        acceptable = acceptable == null ? List.of() : List.copyOf(acceptable);
        facts = facts == null ? List.of() : facts.stream().map(List::copyOf).toList();
        kind = kind == null ? "unspecified" : kind;
        tier = tier == null ? "" : tier;
        labelled = labelled == null ? List.of() : List.copyOf(labelled);
    }

    /** The same question with the hand labels of its replayed answer. */
    public EvalQuestion withLabels(List<ReplayModel.Labelled> labels) {
        return new EvalQuestion(id, question, history, gold, acceptable, answerable, facts, kind, tier, labels, document);
    }

    public boolean core() {
        return "core".equals(tier);
    }
}
