package dev.paracite.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Aggregate metrics over a group of question results (a whole set or one kind). A metric with nothing
 * to average over is null. Rates are shares in 0..1; latencies are milliseconds. The two baselines say
 * what a model that refuses everything would pass (every unanswerable question) and what one that
 * answers everything could pass at best (every answerable one). For a replayed model with hand-labelled
 * sentences: the share of supported sentences shown, and how many unsupported ones were shown (must be 0).
 */
public record Summary(int questions, int answerable, int unanswerable,
                      Double recallAt1, Double recallAt5, Double mrrAt10,
                      Double citedGold, Double citedGoldWithAnswer, Double citationRecall,
                      Double citationPrecision, Double citationPrecisionOverall,
                      Double statementsKept, Double supportedSentences, Double supportingCitations,
                      Double answeredRate, Double refusalRate, Double falseRefusalRate,
                      Double factCoverage, int invalidCitations, Double labelledSupportedShown,
                      int labelledUnsupportedShown, double latencyP50, double latencyP95,
                      int passed, int refuseAllBaseline, int answerAllBaseline) {

    public static Summary of(List<QuestionResult> results) {
        List<QuestionResult> answerable = results.stream().filter(QuestionResult::answerable).toList();
        List<QuestionResult> unanswerable = results.stream().filter(r -> !r.answerable()).toList();
        List<QuestionResult> answered = results.stream().filter(QuestionResult::answered).toList();
        return new Summary(results.size(), answerable.size(), unanswerable.size(),
                mean(answerable, QuestionResult::recallAt1), mean(answerable, QuestionResult::recallAt5),
                mean(answerable, QuestionResult::mrrAt10),
                share(answerable, QuestionResult::citesGold),
                share(answerable, r -> r.citesGold() && r.factsFound() == r.factGroups()),
                mean(answerable, QuestionResult::citationRecall),
                mean(answerable, QuestionResult::citationPrecision), mean(results, QuestionResult::citationPrecision),
                ratio(results, QuestionResult::sentences, r -> r.sentences() + r.droppedStatements()),
                ratio(answered, QuestionResult::supportedSentences, QuestionResult::sentences),
                ratio(answered, QuestionResult::supportingCitations, QuestionResult::citations),
                share(answerable, QuestionResult::answered), share(unanswerable, r -> !r.answered()),
                share(answerable, r -> !r.answered()),
                ratio(results, QuestionResult::factsFound, QuestionResult::factGroups),
                results.stream().mapToInt(QuestionResult::invalidCitations).sum(),
                ratio(results, QuestionResult::labelledSupportedShown, QuestionResult::labelledSupported),
                results.stream().mapToInt(QuestionResult::labelledUnsupportedShown).sum(),
                percentile(results, 0.50), percentile(results, 0.95),
                (int) results.stream().filter(QuestionResult::passed).count(), unanswerable.size(), answerable.size());
    }

    private static Double mean(List<QuestionResult> rs, Function<QuestionResult, Double> metric) {
        List<Double> values = rs.stream().map(metric).filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double share(List<QuestionResult> rs, Predicate<QuestionResult> test) {
        return rs.isEmpty() ? null : rs.stream().filter(test).count() / (double) rs.size();
    }

    private static Double ratio(List<QuestionResult> rs, Function<QuestionResult, Integer> part,
                                Function<QuestionResult, Integer> whole) {
        int total = rs.stream().mapToInt(whole::apply).sum();
        return total == 0 ? null : rs.stream().mapToInt(part::apply).sum() / (double) total;
    }

    /** Nearest-rank percentile of per-question latency. */
    static double percentile(List<QuestionResult> rs, double p) {
        if (rs.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(rs.stream().map(QuestionResult::latencyMs).sorted().toList());
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
