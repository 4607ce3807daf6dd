package dev.paracite.eval;

import java.util.List;
import java.util.function.Function;

/** The metrics a report shows, in order, with their labels. */
record Metric(String name, String label, boolean rate, Function<Summary, Number> value) {

    static final List<Metric> ALL = List.of(
            new Metric("recallAt1", "Recall@1", true, Summary::recallAt1),
            new Metric("recallAt5", "Recall@5", true, Summary::recallAt5),
            new Metric("mrrAt10", "MRR@10", true, Summary::mrrAt10),
            new Metric("citedGold", "Cited a gold paragraph", true, Summary::citedGold),
            new Metric("citedGoldWithAnswer", "... and gave the answer", true, Summary::citedGoldWithAnswer),
            new Metric("citationRecall", "Citation recall", true, Summary::citationRecall),
            new Metric("citationPrecision", "Citation precision (answerable)", true, Summary::citationPrecision),
            new Metric("citationPrecisionOverall", "Citation precision (all)", true, Summary::citationPrecisionOverall),
            new Metric("statementsKept", "Statements kept", true, Summary::statementsKept),
            new Metric("supportedSentences", "Supported sentences", true, Summary::supportedSentences),
            new Metric("supportingCitations", "Supporting citations", true, Summary::supportingCitations),
            new Metric("answeredRate", "Answered (answerable)", true, Summary::answeredRate),
            new Metric("refusalRate", "Refused (unanswerable)", true, Summary::refusalRate),
            new Metric("falseRefusalRate", "False refusals", true, Summary::falseRefusalRate),
            new Metric("factCoverage", "Key-fact coverage", true, Summary::factCoverage),
            new Metric("invalidCitations", "Invalid citations", false, Summary::invalidCitations),
            new Metric("labelledSupportedShown", "Labelled supported sentences shown", true, Summary::labelledSupportedShown),
            new Metric("labelledUnsupportedShown", "Labelled unsupported sentences shown", false,
                    Summary::labelledUnsupportedShown),
            new Metric("latencyP50", "Latency p50 (ms)", false, Summary::latencyP50),
            new Metric("latencyP95", "Latency p95 (ms)", false, Summary::latencyP95),
            new Metric("passed", "Passed", false, Summary::passed),
            new Metric("refuseAllBaseline", "Passed by refusing all", false, Summary::refuseAllBaseline),
            new Metric("answerAllBaseline", "Passed by answering all, at best", false, Summary::answerAllBaseline));

    /** The rate metrics charted per kind. */
    static final List<String> CHARTED = List.of("citedGold", "citationPrecision", "supportedSentences", "answeredRate",
            "refusalRate", "factCoverage");

    String format(Summary s) {
        Number n = value.apply(s);
        return n == null ? "—" : Format.number(n.doubleValue());
    }
}
