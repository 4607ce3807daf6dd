package dev.paracite.bench;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.retrieval.Stemming;
import java.nio.file.Path;
import java.util.List;

/**
 * The measurement behind {@link RetrievalSettings#DEFAULT} on the dev set: recall@1, recall@3 and
 * MRR@10 of the answerable dev questions for each analyzer and BM25 setting (eval/README.md).
 */
public final class RetrievalTuning {

    public static void main(String[] args) {
        Document document = DocumentLoader.builtIn();
        List<EvalQuestion> questions = EvalSet.load(Path.of("eval/dev.jsonl")).stream()
                .filter(EvalQuestion::answerable).toList();
        System.out.printf("%-8s %5s %5s %5s  %6s %6s %6s%n", "stem", "k1", "b", "sect", "R@1", "R@3", "MRR");
        for (Stemming stemming : Stemming.values()) {
            for (float k1 : new float[] {0.9f, 1.2f, 1.5f}) {
                for (float b : new float[] {0.4f, 0.75f, 0.9f}) {
                    for (float section : new float[] {0f, 0.3f, 1f}) {
                        RetrievalSettings settings = new RetrievalSettings(stemming, k1, b, section);
                        System.out.println(row(settings, measure(document, settings, questions)));
                    }
                }
            }
        }
    }

    static double[] measure(Document document, RetrievalSettings settings, List<EvalQuestion> questions) {
        try (LuceneParagraphSearch search = LuceneParagraphSearch.build(document, settings)) {
            Retriever retriever = new Retriever(document, search);
            double r1 = 0, r3 = 0, mrr = 0;
            for (EvalQuestion q : questions) {
                List<Hit> hits = retriever.retrieve(q.question(), 10).hits();
                int rank = firstGold(hits, q.gold());
                r1 += rank == 1 ? 1 : 0;
                r3 += rank >= 1 && rank <= 3 ? 1 : 0;
                mrr += rank >= 1 ? 1.0 / rank : 0;
            }
            int n = questions.size();
            return new double[] {r1 / n, r3 / n, mrr / n};
        }
    }

    static int firstGold(List<Hit> hits, List<String> gold) {
        for (int i = 0; i < hits.size(); i++) {
            if (gold.contains(hits.get(i).label())) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String row(RetrievalSettings s, double[] m) {
        return String.format("%-8s %5.2f %5.2f %5.2f  %6.3f %6.3f %6.3f", s.stemming(), s.k1(), s.b(),
                s.sectionWeight(), m[0], m[1], m[2]);
    }
}
