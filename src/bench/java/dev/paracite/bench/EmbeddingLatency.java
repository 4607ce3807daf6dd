package dev.paracite.bench;

import dev.paracite.embedding.Embedder;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How long the embedding of one question takes, the cost hybrid retrieval adds to every question: the
 * dev questions embedded one at a time, uncached, after a warm-up, for each model compared; and how long
 * loading the model takes. Writes target/bench/embedding.json.
 */
public final class EmbeddingLatency {

    private EmbeddingLatency() {}

    public static void main(String[] args) {
        List<String> questions = EvalSet.load(Path.of("eval/dev.jsonl")).stream().map(EvalQuestion::question).toList();
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (String name : Models.COMPARED) {
            long t0 = System.nanoTime();
            Embedder model = Models.load(name);
            model.embedQuery("warm up");
            double loadMs = (System.nanoTime() - t0) / 1e6;
            for (int i = 0; i < 300; i++) {
                model.embedQuery(questions.get(i % questions.size()) + " " + i);
            }
            List<Long> samples = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String q : questions) {
                    long s = System.nanoTime();
                    model.embedQuery(q + " #" + round);
                    samples.add(System.nanoTime() - s);
                }
            }
            Collections.sort(samples);
            Map<String, Object> row = Map.of("loadAndFirstQueryMs", BenchJson.round(loadMs, 1),
                    "queryP50Ms", BenchJson.round(BenchJson.percentileMillis(samples, 0.5), 2),
                    "queryP99Ms", BenchJson.round(BenchJson.percentileMillis(samples, 0.99), 2), "queries", samples.size());
            System.out.println(name + ": " + row);
            out.put(name, row);
        }
        BenchJson.write("embedding", out);
    }
}
