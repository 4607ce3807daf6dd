package dev.paracite.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.SquadSet;
import dev.paracite.retrieval.RetrievalSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paracite's retrieval call beside LangChain.js's BM25Retriever (k 5, via {@link LangChainPeer}) on the
 * same paragraphs and answerable questions, one call at a time, same schedule on each side: the
 * built-in document with eval/dev.jsonl, the SQuAD 2.0 dev part (each article its own document) and
 * BEIR SciFact (5,183 abstracts in one document). Paracite with BM25 alone is the like-for-like side;
 * hybrid is added where its paragraph vectors are cheap. Writes target/bench/peer-bm25.json.
 * Argument: the shared datasets folder (default ../shared/datasets).
 */
public final class PeerBm25Bench {

    // on the shared 2-core machine (load average 5-10) the JIT took 15-20 s to settle on the dev set, 5 s
    // left it at a third of its speed; at least one pass each side regardless (1-2 minutes for the peer on
    // SciFact)
    private static final double WARMUP_SECONDS = 20;
    private static final double MEASURE_SECONDS = 10;
    private static final int K = 5;

    private PeerBm25Bench() {}

    /** Documents and questions to compare on; {@code hybrid} when hybrid retrieval is measured too. */
    private record Corpus(String name, List<EvalCase> cases, boolean hybrid) {}

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<Corpus> corpora = List.of(
                new Corpus("dev", List.of(new EvalCase(DocumentLoader.builtIn(),
                        HybridTuning.answerable(EvalSet.load(Path.of("eval/dev.jsonl"))))), true),
                new Corpus("squad2-dev-part", HybridTuning.answerableCases(SquadSet.load(shared.resolve("squad2-dev-part"), 1)), true),
                // 5,183 abstracts to embed before a first hybrid run: BM25 only here (SciFactBench has its quality)
                new Corpus("beir-scifact", List.of(sciFact(shared.resolve("beir-scifact"))), false));
        LangChainPeer peer = LangChainPeer.install(Path.of("src/bench/node/bm25-peer"));
        OnnxEmbedder model = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        Object versions = null;
        for (Corpus corpus : corpora) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("corpus", corpus.name());
            row.put("documents", corpus.cases().size());
            row.put("paragraphs", corpus.cases().stream().mapToInt(c -> c.document().paragraphs().size()).sum());
            row.put("questions", corpus.cases().stream().mapToInt(c -> c.questions().size()).sum());
            Map<String, Object> theirs = rounded(peer.run(corpus.name(), corpus.cases(), WARMUP_SECONDS, MEASURE_SECONDS, K));
            versions = theirs.remove("versions");
            Map<String, Object> ours = measure(corpus.cases(), RetrievalSettings.BM25, null);
            row.put("paracite bm25", ours);
            row.put("langchain BM25Retriever", theirs);
            row.put("bm25 vs peer", ratios(ours, theirs));
            if (corpus.hybrid()) {
                model = model == null ? OnnxEmbedder.bgeSmall() : model;
                DiskCachedEmbedder paragraphs = new DiskCachedEmbedder(model);
                Map<String, Object> hybrid = measure(corpus.cases(), RetrievalSettings.HYBRID, liveQuestions(paragraphs, model));
                paragraphs.save();
                row.put("paracite hybrid (product default)", hybrid);
                row.put("hybrid vs peer", ratios(hybrid, theirs));
            }
            System.out.println(row);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schedule", "per side and corpus: the index built, passes over every question (at least one) for "
                + WARMUP_SECONDS + " s of warm-up, then for " + MEASURE_SECONDS + " s measured, one call at a time;"
                + " queries/s over the measured passes' wall time and over the process's CPU time in them (every"
                + " thread); recall@5 and MRR@10 from one more pass at k 10");
        out.put("peerVersions", versions);
        out.put("rows", rows);
        BenchJson.write("peer-bm25", out);
    }

    private static Map<String, Object> measure(List<EvalCase> cases, RetrievalSettings settings, Embedder embedder) {
        try (TimedRetrieval timed = new TimedRetrieval(cases, settings, embedder)) {
            return rounded(new ObjectMapper().convertValue(timed.measure(WARMUP_SECONDS, MEASURE_SECONDS, K),
                    new TypeReference<Map<String, Object>>() {}));
        }
    }

    private static Map<String, Object> ratios(Map<String, Object> ours, Map<String, Object> theirs) {
        double qps = number(ours, "queriesPerSecond") / number(theirs, "queriesPerSecond");
        double qpsCpu = number(ours, "queriesPerCpuSecond") / number(theirs, "queriesPerCpuSecond");
        double recall = number(ours, "recall5") - number(theirs, "recall5");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("queriesPerSecond paracite / peer", BenchJson.round(qps, 1));
        r.put("queriesPerCpuSecond paracite / peer", BenchJson.round(qpsCpu, 1));
        r.put("p50 peer / paracite", BenchJson.round(number(theirs, "p50Millis") / number(ours, "p50Millis"), 1));
        r.put("p99 peer / paracite", BenchJson.round(number(theirs, "p99Millis") / number(ours, "p99Millis"), 1));
        r.put("recall5 paracite - peer", BenchJson.round(recall, 4));
        r.put("mrr10 paracite - peer", BenchJson.round(number(ours, "mrr10") - number(theirs, "mrr10"), 4));
        r.put("goal met (>= 10x queries/s, higher recall@5)", qps >= 10 && recall > 0);
        r.put("goal met by CPU time", qpsCpu >= 10 && recall > 0);
        return r;
    }

    private static double number(Map<String, Object> figures, String name) {
        return ((Number) figures.get(name)).doubleValue();
    }

    /** Every fractional figure to 4 places, queries per second to 1 (nested maps too). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> rounded(Map<String, Object> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        figures.forEach((name, value) -> out.put(name, value instanceof Double d
                ? BenchJson.round(d, name.startsWith("queriesPer") ? 1 : 4)
                : value instanceof Map<?, ?> m && !name.equals("versions") ? rounded((Map<String, Object>) m) : value));
        return out;
    }

    /** SciFact's test claims with their relevant abstracts as gold, in id order. */
    private static EvalCase sciFact(Path dir) throws java.io.IOException {
        SciFactBench.SciFact s = SciFactBench.SciFact.load(dir);
        List<EvalQuestion> claims = s.queries().keySet().stream().sorted(Comparator.comparingInt(Integer::parseInt))
                .map(id -> new EvalQuestion(id, s.queries().get(id), List.of(), List.copyOf(s.qrels().get(id)),
                        List.of(), true, List.of(), "scifact", "")).toList();
        return new EvalCase(s.document(), claims);
    }

    /** Paragraph vectors kept on disk between runs; every question embedded afresh, as a new question is. */
    private static Embedder liveQuestions(DiskCachedEmbedder paragraphs, Embedder model) {
        return new Embedder() {
            @Override
            public String name() {
                return model.name();
            }

            @Override
            public float[] embed(String text) {
                return paragraphs.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return paragraphs.embedAll(texts);
            }

            @Override
            public float[] embedQuery(String query) {
                return model.embedQuery(query);
            }
        };
    }
}
