package dev.paracite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Stemming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval quality on BEIR SciFact (title + abstract in one field, 300 test claims): nDCG@10 and
 * Recall@100 with the product's hybrid and BM25 settings (nothing was tuned on SciFact but the BM25
 * analyzer, see eval/README.md), next to other stemmers and BM25 parameters. Writes
 * target/bench/scifact.json.
 */
public final class SciFactBench {

    private SciFactBench() {}

    public static void main(String[] args) throws IOException {
        SciFact sciFact = SciFact.load(Path.of(args.length > 0 ? args[0] : "../shared/datasets/beir-scifact"));
        List<Map<String, Object>> rows = new ArrayList<>();
        DiskCachedEmbedder embedder = new DiskCachedEmbedder(Models.load("bge-small-en-v1.5-q"));
        rows.add(row("product: hybrid", RetrievalSettings.HYBRID, sciFact, embedder));
        embedder.save();
        rows.add(row("product: bm25", RetrievalSettings.BM25, sciFact, null));
        for (Stemming stemming : Stemming.values()) {
            for (float[] kb : new float[][] {{0.9f, 0.4f}, {1.2f, 0.75f}, {1.5f, 0.75f}}) {
                rows.add(row("grid", new RetrievalSettings(stemming, kb[0], kb[1], 0f), sciFact, null));
            }
        }
        BenchJson.write("scifact", Map.of("documents", sciFact.document().paragraphs().size(),
                "queries", sciFact.queries().size(),
                "published", Map.of("anseriniFlatNdcg10", 0.6789, "anseriniFlatRecall100", 0.9253,
                        "elasticsearchNdcg10", 0.690), "rows", rows));
    }

    private static Map<String, Object> row(String kind, RetrievalSettings s, SciFact sciFact, DiskCachedEmbedder embedder) {
        double[] scores = sciFact.score(s, embedder);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("settings", kind);
        row.put("stemming", s.stemming().name());
        row.put("k1", s.k1());
        row.put("b", s.b());
        row.put("sectionWeight", s.sectionWeight());
        row.put("ndcg10", BenchJson.round(scores[0], 4));
        row.put("recall100", BenchJson.round(scores[1], 4));
        System.out.println(row);
        return row;
    }

    /** The corpus as one document, the test claims that have relevance judgements, and those judgements. */
    record SciFact(Document document, Map<String, String> queries, Map<String, Set<String>> qrels) {

        static SciFact load(Path dir) throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<Paragraph> docs = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("corpus.jsonl"))) {
                JsonNode n = json.readTree(line);
                docs.add(new Paragraph(n.get("_id").asText(), "", n.get("title").asText() + " " + n.get("text").asText(), 0));
            }
            Map<String, Set<String>> qrels = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("qrels.test.tsv")).stream().skip(1).toList()) {
                String[] f = line.split("\t");
                if (Integer.parseInt(f[2]) > 0) {
                    qrels.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
                }
            }
            Map<String, String> queries = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("queries.test.jsonl"))) {
                JsonNode n = json.readTree(line);
                if (qrels.containsKey(n.get("_id").asText())) {
                    queries.put(n.get("_id").asText(), n.get("text").asText());
                }
            }
            return new SciFact(new Document("scifact", docs, List.of(), List.of()), queries, qrels);
        }

        /** {nDCG@10, Recall@100} with these settings ({@code embedder} null for BM25 alone). */
        double[] score(RetrievalSettings settings, DiskCachedEmbedder embedder) {
            try (LuceneParagraphSearch search = LuceneParagraphSearch.build(document, settings, embedder)) {
                double ndcg = 0;
                double recall = 0;
                for (Map.Entry<String, String> q : queries.entrySet()) {
                    List<Hit> hits = search.search(q.getValue(), 100);
                    Set<String> rel = qrels.get(q.getKey());
                    ndcg += ndcg10(hits, rel);
                    recall += hits.stream().filter(h -> rel.contains(h.label())).count() / (double) rel.size();
                }
                return new double[] {ndcg / queries.size(), recall / queries.size()};
            }
        }
    }

    static double ndcg10(List<Hit> hits, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, hits.size()); i++) {
            if (relevant.contains(hits.get(i).label())) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return dcg / ideal;
    }
}
