package dev.paracite.bench;

import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.SquadSet;
import dev.paracite.retrieval.Fusion;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measurement behind {@link RetrievalSettings#HYBRID} and the embedding model: for each model and
 * each fusion (none, reciprocal rank fusion with several k, weighted sums with several weights),
 * recall@1, recall@5 and MRR@10 on the tuning sets (eval/dev.jsonl, SQuAD dev articles 0-4), the
 * choice by mean MRR@10 over them, then the same figures on sets nothing was chosen on (SQuAD articles
 * 5-9, eval/records-retention-policy.jsonl) and nDCG@10 / Recall@100 on BEIR SciFact. Writes
 * target/bench/hybrid.json. Argument: the shared datasets folder (default ../shared/datasets).
 */
public final class HybridTuning {

    private HybridTuning() {}

    record Set1(String name, List<EvalCase> cases) {}

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        Path squad = shared.resolve("squad2-dev-part");
        List<Set1> tune = List.of(
                new Set1("dev", List.of(new EvalCase(DocumentLoader.builtIn(), answerable(EvalSet.load(Path.of("eval/dev.jsonl")))))),
                new Set1("squad 0-4", answerableCases(SquadSet.load(squad, 1, 0, 4))));
        List<Set1> report = List.of(
                new Set1("squad 5-9", answerableCases(SquadSet.load(squad, 1, 5, 9))),
                new Set1("records policy", List.of(new EvalCase(DocumentLoader.load(Path.of("eval/records-retention-policy.txt")),
                        answerable(EvalSet.load(Path.of("eval/records-retention-policy.jsonl")))))));
        List<Fusion> fusions = new ArrayList<>(List.of(Fusion.NONE));
        for (double min : new double[] {0, 0.5, 0.6, 0.65, 0.7}) {
            for (double k : new double[] {2, 5, 10, 60}) {
                fusions.add(new Fusion(Fusion.Kind.RRF, 50, k, min));
            }
            for (double w : new double[] {0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0}) {
                fusions.add(new Fusion(Fusion.Kind.WEIGHTED, 50, w, min));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> best = null;
        double bestScore = -1;
        for (String model : Models.COMPARED) {
            DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load(model));
            for (Fusion fusion : fusions) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", fusion.dense() ? model : "none");
                row.put("fusion", fusion.kind() + (fusion.kind() == Fusion.Kind.NONE ? ""
                        : " " + fusion.param() + " min " + fusion.minSimilarity()));
                double score = 0;
                for (Set1 set : tune) {
                    double[] m = measure(set.cases(), RetrievalSettings.BM25.with(fusion), embedder);
                    row.put(set.name(), format(m));
                    score += m[2] / tune.size();
                }
                row.put("tuneMrr", BenchJson.round(score, 4));
                System.out.println(row);
                rows.add(row);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = new LinkedHashMap<>(row);
                    best.put("modelName", model);
                    best.put("fusionObject", fusion);
                }
                embedder.save();
            }
        }
        String chosenModel = (String) best.get("modelName");
        Fusion chosen = (Fusion) best.get("fusionObject");
        System.out.println("chosen on the tuning sets: " + chosenModel + " " + chosen);
        DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load(chosenModel));
        Map<String, Object> held = new LinkedHashMap<>();
        for (Fusion fusion : List.of(Fusion.NONE, chosen)) {
            for (Set1 set : report) {
                double[] m = measure(set.cases(), RetrievalSettings.BM25.with(fusion), embedder);
                held.put(set.name() + (fusion.dense() ? " hybrid" : " bm25"), format(m));
            }
            double[] sci = SciFactBench.SciFact.load(shared.resolve("beir-scifact")).score(RetrievalSettings.BM25.with(fusion), embedder);
            held.put("scifact" + (fusion.dense() ? " hybrid" : " bm25"), Map.of("ndcg10", BenchJson.round(sci[0], 4),
                    "recall100", BenchJson.round(sci[1], 4)));
            embedder.save();
        }
        System.out.println("held out: " + held);
        best.remove("fusionObject");
        BenchJson.write("hybrid", Map.of("grid", rows, "chosen", best, "heldOut", held));
    }

    /** Each case with only its answerable questions that are not follow-ups (see {@link #answerable}). */
    static List<EvalCase> answerableCases(List<EvalCase> cases) {
        return cases.stream().map(c -> new EvalCase(c.document(), answerable(c.questions()))).toList();
    }

    /** The answerable questions asked without a chat history: the ones retrieval alone is measured on. */
    static List<EvalQuestion> answerable(List<EvalQuestion> questions) {
        return questions.stream().filter(EvalQuestion::answerable).filter(q -> q.history().isEmpty()).toList();
    }

    private static Map<String, Object> format(double[] m) {
        return Map.of("r1", BenchJson.round(m[0], 3), "r5", BenchJson.round(m[1], 3), "mrr10", BenchJson.round(m[2], 3),
                "questions", (int) m[3]);
    }

    /** {R@1, R@5, MRR@10, questions} over every case. */
    static double[] measure(List<EvalCase> cases, RetrievalSettings settings, DiskCachedEmbedder embedder) {
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        int n = 0;
        for (EvalCase c : cases) {
            try (LuceneParagraphSearch search = LuceneParagraphSearch.build(c.document(), settings, embedder)) {
                Retriever retriever = new Retriever(c.document(), search);
                for (EvalQuestion q : c.questions()) {
                    List<Hit> hits = retriever.retrieve(q.question(), 10).hits();
                    int rank = RetrievalTuning.firstGold(hits, q.gold());
                    r1 += rank == 1 ? 1 : 0;
                    r5 += rank >= 1 && rank <= 5 ? 1 : 0;
                    mrr += rank >= 1 ? 1.0 / rank : 0;
                    n++;
                }
            }
        }
        return new double[] {r1 / n, r5 / n, mrr / n, n};
    }
}
