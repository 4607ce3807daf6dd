package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation over hand-made results: means, shares, ratios and percentiles. */
class SummaryTest {

    private static QuestionResult result(String kind, boolean answerable, String outcome, List<String> gold, List<String> cited,
                                         Double precision, int sentences, int supported, int facts, int found, double ms) {
        boolean passed = answerable ? "answered".equals(outcome) && cited.stream().anyMatch(gold::contains)
                : !"answered".equals(outcome);
        return new QuestionResult("id", "d", kind, "q", answerable, gold, outcome, "a", cited, List.of(),
                answerable ? 1.0 : null, answerable ? 1.0 : null, answerable ? 0.5 : null,
                answerable ? (double) cited.stream().filter(gold::contains).count() / gold.size() : null, precision,
                sentences, supported, cited.size(), supported, 0, facts, found, 0, 0, 0, 0, 0, ms, passed, passed ? null : "x");
    }

    @Test
    void aggregates_rates_over_the_right_denominators() {
        List<QuestionResult> results = List.of(
                result("lookup", true, "answered", List.of("1"), List.of("1"), 1.0, 2, 2, 2, 1, 10),
                result("lookup", true, "answered", List.of("1", "2"), List.of("2", "9"), 0.5, 2, 1, 1, 1, 20),
                result("lookup", true, "not_in_document", List.of("3"), List.of(), null, 0, 0, 1, 0, 30),
                result("unanswerable", false, "not_in_document", List.of(), List.of(), null, 0, 0, 0, 0, 40));
        Summary s = Summary.of(results);
        assertEquals(4, s.questions());
        assertEquals(3, s.answerable());
        assertEquals(2.0 / 3, s.citedGold(), 1e-12);
        assertEquals((1.0 + 0.5 + 0.0) / 3, s.citationRecall(), 1e-12);
        assertEquals(0.75, s.citationPrecision(), 1e-12, "mean over the two answers with citations");
        assertEquals(3.0 / 4, s.supportedSentences(), 1e-12, "3 of 4 sentences in answered responses");
        assertEquals(2.0 / 3, s.answeredRate(), 1e-12);
        assertEquals(1.0 / 3, s.falseRefusalRate(), 1e-12);
        assertEquals(1.0, s.refusalRate());
        assertEquals(2.0 / 4, s.factCoverage(), 1e-12);
        assertEquals(20.0, s.latencyP50());
        assertEquals(40.0, s.latencyP95());
        assertEquals(3, s.passed());
        assertEquals(1.0 / 3, s.citedGoldWithAnswer(), 1e-12, "only the second answer has all its facts");
        assertEquals(0.75, s.citationPrecisionOverall(), 1e-12);
        assertEquals(1, s.refuseAllBaseline());
        assertEquals(3, s.answerAllBaseline());
        assertEquals(1.0, s.statementsKept());
    }

    @Test
    void metrics_without_a_denominator_are_null() {
        Summary s = Summary.of(List.of(result("unanswerable", false, "not_in_document", List.of(), List.of(), null, 0, 0, 0, 0, 5)));
        assertNull(s.citedGold());
        assertNull(s.citationPrecision());
        assertNull(s.supportedSentences());
        assertNull(s.factCoverage());
        assertEquals(1.0, s.refusalRate());
    }
}
