package dev.paracite.bench;

import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.embedding.Embedder;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalRunner;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.Report;
import dev.paracite.eval.SquadSet;
import dev.paracite.eval.Summary;
import dev.paracite.extractive.Candidate;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.extractive.ExtractiveSettings;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The measurement behind {@link ExtractiveSettings#DEFAULT}, on the tuning sets only (eval/dev.jsonl
 * and SQuAD dev articles 0-4): every candidate unit of every question is measured; a logistic
 * regression learns which candidates answer (a unit of a gold paragraph holding a key fact); then the
 * threshold and the bar for further units are chosen by the questions passed, running the whole
 * pipeline. The chosen settings are then run, for reporting, on SQuAD articles 5-9 and
 * eval/records-retention-policy.jsonl, which nothing was chosen on. Writes target/bench/extractive.json.
 */
public final class ExtractiveTuning {

    /** The dev set's cited-gold rate the old model reached, which the issue asks to keep. */
    static final double MIN_DEV_CITED_GOLD = 0.95;

    private ExtractiveTuning() {}

    record Row(double[] x, boolean y) {}

    public static void main(String[] args) {
        Path squad = Path.of(args.length > 0 ? args[0] : "../shared/datasets").resolve("squad2-dev-part");
        DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load("bge-small-en-v1.5-q"));
        List<EvalCase> dev = List.of(new EvalCase(DocumentLoader.builtIn(), EvalSet.load(Path.of("eval/dev.jsonl"))));
        List<EvalCase> squadTune = SquadSet.load(squad, 1, 0, 4);
        ExtractiveSettings start = ExtractiveSettings.DEFAULT.withGeneralWeights(args.length > 1 && args[1].equals("general"));
        List<Row> rows = new ArrayList<>();
        for (List<EvalCase> set : List.of(dev, squadTune)) {
            for (EvalCase c : set) {
                rows.addAll(rows(c, embedder, start, false));
            }
        }
        embedder.save();
        System.out.printf("ranker: %d candidates, %d answering%n", rows.size(), rows.stream().filter(Row::y).count());
        double[] w = Logistic.fit(rows.stream().map(Row::x).toList(), rows.stream().map(Row::y).toList(), 1e-3);
        ExtractiveSettings ranked = start.withRanker(round(w[0]), rounded(w));
        System.out.println("ranker " + Candidate.FEATURES + " bias " + ranked.rankerBias() + " " + ranked.ranker());
        List<Row> questions = new ArrayList<>();
        List<Double> questionWeights = new ArrayList<>();
        for (List<EvalCase> set : List.of(dev, squadTune)) {
            List<Row> these = new ArrayList<>();
            for (EvalCase c : set) {
                these.addAll(rows(c, embedder, ranked, true));
            }
            // each tuning set counts alike, however many questions it has
            these.forEach(r -> questionWeights.add(1000.0 / these.size()));
            questions.addAll(these);
        }
        System.out.printf("gate: %d questions, %d whose best candidate answers%n", questions.size(),
                questions.stream().filter(Row::y).count());
        double[] g = Logistic.fit(questions.stream().map(Row::x).toList(), questions.stream().map(Row::y).toList(),
                questionWeights, 1e-3);
        ExtractiveSettings learned = ranked.withGate(round(g[0]), rounded(g), 0, 0);
        System.out.println("gate " + ExtractiveModel.Ranked.gateFeatures() + " bias " + learned.gateBias() + " " + learned.gate());
        List<Map<String, Object>> grid = new ArrayList<>();
        ExtractiveSettings best = null;
        double bestPassed = -99;
        List<Double> weights = learned.ranker();
        for (double threshold = -3; threshold <= 1.01; threshold += 0.25) {
            for (double extra : new double[] {-4, -3, -2, 99}) {
                ExtractiveSettings s = learned.withGate(learned.gateBias(), learned.gate(), round(threshold), extra);
                Summary d = run("dev", dev, s, embedder).overall();
                Summary q = run("squad 0-4", squadTune, s, embedder).overall();
                // each tuning set counts alike, and the dev set must keep citing gold for 0.95 of its questions
                double passed = (d.passed() / (double) d.questions() + q.passed() / (double) q.questions()) / 2
                        - (d.citedGold() < MIN_DEV_CITED_GOLD ? 1 : 0);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("threshold", s.threshold());
                row.put("extra", s.extra());
                row.put("devPassed", d.passed());
                row.put("devCitedGold", BenchJson.round(d.citedGold(), 3));
                row.put("squadPassed", q.passed());
                row.put("meanPassedRate", BenchJson.round(passed, 4));
                grid.add(row);
                System.out.println(row);
                if (passed > bestPassed) {
                    bestPassed = passed;
                    best = s;
                }
            }
        }
        System.out.println("chosen: " + best);
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("squad 5-9", figures(run("squad 5-9", SquadSet.load(squad, 1, 5, 9), best, embedder).overall()));
        held.put("records policy", figures(run("records", List.of(new EvalCase(
                DocumentLoader.load(Path.of("eval/records-retention-policy.txt")),
                EvalSet.load(Path.of("eval/records-retention-policy.jsonl")))), best, embedder).overall()));
        held.put("dev", figures(run("dev", dev, best, embedder).overall()));
        held.put("squad 0-4", figures(run("squad 0-4", squadTune, best, embedder).overall()));
        System.out.println("with the chosen settings: " + held);
        embedder.save();
        BenchJson.write("extractive", Map.of("settings", best.toString(), "rankerFeatures", Candidate.FEATURES,
                "gateFeatures", ExtractiveModel.Ranked.gateFeatures(), "grid", grid, "figures", held));
    }

    private static Map<String, Object> figures(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("questions", s.questions());
        m.put("passed", s.passed());
        m.put("refuseAll", s.refuseAllBaseline());
        m.put("citedGold", BenchJson.round(nz(s.citedGold()), 3));
        m.put("citedGoldWithAnswer", BenchJson.round(nz(s.citedGoldWithAnswer()), 3));
        m.put("refusalRate", BenchJson.round(nz(s.refusalRate()), 3));
        m.put("citationPrecision", BenchJson.round(nz(s.citationPrecision()), 3));
        return m;
    }

    private static double nz(Double d) {
        return d == null ? Double.NaN : d;
    }

    static Report run(String name, List<EvalCase> cases, ExtractiveSettings settings, Embedder embedder) {
        Function<Document, Assistant> assistants = document -> {
            LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, embedder);
            return new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms(), embedder, settings),
                    null, FollowUp.INSTANCE, new Support(embedder, SupportSettings.DEFAULT));
        };
        return new EvalRunner(assistants, EvalRunner.Progress.NONE).run(name, cases);
    }

    /**
     * For the ranker ({@code gate} false): every candidate of every question of {@code c}, labelled
     * answering when it is a unit of a gold paragraph with a key fact. For the gate: each question's
     * best candidate's gate features, labelled answering when the question is answerable and that
     * candidate answers it.
     */
    private static List<Row> rows(EvalCase c, Embedder embedder, ExtractiveSettings settings, boolean gate) {
        List<Row> rows = new ArrayList<>();
        try (LuceneParagraphSearch search = LuceneParagraphSearch.build(c.document(), RetrievalSettings.DEFAULT, embedder)) {
            Retriever retriever = new Retriever(c.document(), search);
            ExtractiveModel model = new ExtractiveModel(search.terms(), embedder, settings);
            for (EvalQuestion q : c.questions()) {
                String standalone = q.history().isEmpty() ? q.question() : FollowUp.INSTANCE.standalone(q.question(), q.history());
                AnswerRequest request = new AnswerRequest(q.question(), standalone, q.history(), retriever.retrieve(standalone, 5));
                ExtractiveModel.Ranked ranked = model.candidates(request);
                if (gate) {
                    if (!ranked.candidates().isEmpty()) {
                        Candidate best = ranked.candidates().get(0);
                        rows.add(new Row(ranked.gate(), correct(q, best)));
                    }
                } else {
                    ranked.candidates().forEach(candidate -> rows.add(new Row(candidate.features(), correct(q, candidate))));
                }
            }
        }
        return rows;
    }

    private static boolean correct(EvalQuestion q, Candidate candidate) {
        return q.answerable() && q.gold().contains(candidate.label()) && answers(candidate.text(), q.facts());
    }

    private static List<Double> rounded(double[] w) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < w.length; i++) {
            out.add(round(w[i]));
        }
        return out;
    }

    /** Whether {@code text} holds a phrase of some fact group (any unit of a gold paragraph when there are none). */
    static boolean answers(String text, List<List<String>> facts) {
        if (facts.isEmpty()) {
            return true;
        }
        String t = normal(text);
        return facts.stream().flatMap(List::stream).anyMatch(p -> !p.isBlank() && t.contains(normal(p)));
    }

    private static String normal(String s) {
        return " " + String.join(" ", s.toLowerCase(Locale.ROOT).replace("’", "'").split("[^\\p{L}\\p{N}]+")) + " ";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
