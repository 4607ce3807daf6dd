package dev.paracite.extractive;

import java.util.List;

/**
 * The extractive model's constants in one place. Two logistic regressions: the ranker scores each
 * candidate unit from its {@link Candidate#FEATURES}; the gate scores the best one from the
 * {@link Gate#FEATURES}, and the model answers when that reaches {@code threshold}. Both were learned,
 * and the threshold chosen, by the bench program {@code ExtractiveTuning} on eval/dev.jsonl and SQuAD
 * dev articles 0-4 only; eval/README.md ("The answer gate") has the figures on those and on the sets
 * nothing was chosen on.
 *
 * @param rankerBias intercept of the ranker
 * @param ranker     one weight per {@link Candidate#FEATURES}
 * @param gateBias   intercept of the gate
 * @param gate       one weight per {@link Gate#FEATURES}
 * @param threshold  the least gate score of an answer
 * @param extra      the least ranker score of a further unit added for question terms the best one lacks
 * @param budget     the longest quote, in characters
 * @param maxUnits   the most units quoted
 * @param minGain    the least share of the question's weight a further unit must add ...
 * @param minOwn     ... holding at least this share with its own words, not just its lead-in
 * @param generalWeights question terms weigh their general-English rarity, whether the document uses them
 *                   or not; otherwise a term the document uses weighs its idf in the document
 * @param strictTypes a question asking when, how long or how many is answered only by a unit with a date,
 *                   a duration or a figure it does not already hold
 */
public record ExtractiveSettings(double rankerBias, List<Double> ranker, double gateBias, List<Double> gate,
                                 double threshold, double extra, int budget, int maxUnits, double minGain,
                                 double minOwn, boolean generalWeights, boolean strictTypes) {

    public ExtractiveSettings {
        ranker = List.copyOf(ranker);
        gate = List.copyOf(gate);
        if (ranker.size() != Candidate.FEATURES.size() || gate.size() != Gate.FEATURES.size()) {
            throw new IllegalArgumentException("one weight per feature: " + Candidate.FEATURES + " " + Gate.FEATURES);
        }
    }

    /**
     * Learned on 31,853 candidates of the 1,518 tuning questions (eval/dev.jsonl and SQuAD dev articles
     * 0-4; 1,025 candidates answer) and, for the gate, on those questions' best candidates (623 of 1,510
     * answer), each set weighing alike. The threshold and the bar for further units were chosen from -3
     * to 1 by the mean share of questions passed on the two sets, keeping the dev set's cited-gold rate at
     * 0.95 or more: dev 99 of 111 passed (cited gold 0.963), SQuAD 0-4 749 of 1,407. Question-term
     * weights from the document (not general English: mean pass rate 0.694 against 0.655 on the tuning
     * sets) and strict answer types (0.712 against 0.694) were chosen the same way. Budget, units, gain and own are the
     * earlier model's (eval/README.md, "The answer gate").
     */
    public static final ExtractiveSettings DEFAULT = new ExtractiveSettings(-9.006,
            List.of(0.434, 2.012, 7.083, -2.332, 3.22, 0.354, 0.92, -1.022, 0.37, -1.057), 0.242,
            List.of(0.428, 0.12, -3.394, 2.795, 1.81, 0.135, -0.85, -0.409, -2.835, -0.933, -0.721, -0.387), -1.0,
            -4.0, 700, 3, 0.2, 0.5, false, true);

    public ExtractiveSettings withGeneralWeights(boolean on) {
        return new ExtractiveSettings(rankerBias, ranker, gateBias, gate, threshold, extra, budget, maxUnits, minGain,
                minOwn, on, strictTypes);
    }

    public ExtractiveSettings withStrictTypes(boolean on) {
        return new ExtractiveSettings(rankerBias, ranker, gateBias, gate, threshold, extra, budget, maxUnits, minGain,
                minOwn, generalWeights, on);
    }

    double rank(double[] features) {
        return linear(rankerBias, ranker, features);
    }

    double gate(double[] features) {
        return linear(gateBias, gate, features);
    }

    private static double linear(double bias, List<Double> weights, double[] features) {
        double s = bias;
        for (int i = 0; i < features.length; i++) {
            s += weights.get(i) * features[i];
        }
        return s;
    }

    public ExtractiveSettings withRanker(double bias, List<Double> weights) {
        return new ExtractiveSettings(bias, weights, gateBias, gate, threshold, extra, budget, maxUnits, minGain, minOwn,
                generalWeights, strictTypes);
    }

    public ExtractiveSettings withGate(double bias, List<Double> weights, double newThreshold, double newExtra) {
        return new ExtractiveSettings(rankerBias, ranker, bias, weights, newThreshold, newExtra, budget, maxUnits,
                minGain, minOwn, generalWeights, strictTypes);
    }
}
