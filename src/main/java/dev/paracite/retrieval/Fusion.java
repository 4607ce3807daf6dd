package dev.paracite.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a BM25 ranking and a dense (embedding) ranking of the same question are combined.
 *
 * @param kind  {@code NONE}: BM25 alone; {@code RRF}: reciprocal rank fusion, sum of 1 / (k + rank);
 *              {@code WEIGHTED}: each list's scores scaled to 0..1 between its worst and best,
 *              then (1 - weight) x BM25 + weight x dense
 * @param depth how many paragraphs each ranking contributes before fusing
 * @param param k for {@code RRF}, the dense weight for {@code WEIGHTED}
 * @param minSimilarity the least cosine similarity to the question a paragraph needs to enter the dense
 *              ranking: without it every paragraph of a small document would be "near" any question
 */
public record Fusion(Kind kind, int depth, double param, double minSimilarity) {

    public enum Kind { NONE, RRF, WEIGHTED }

    public static final Fusion NONE = new Fusion(Kind.NONE, 0, 0, 0);

    public boolean dense() {
        return kind != Kind.NONE;
    }

    /** How many paragraphs each ranking gives for the best {@code topK}: at least {@link #depth} when fusing. */
    public int depthFor(int topK) {
        return dense() ? Math.max(topK, depth) : topK;
    }

    /** A paragraph (by a key its index gives it, in document order) and its score in one ranking. */
    public record Scored(int key, double score) {}

    /**
     * Both rankings combined as this fusion says, wherever they were ranked (in process or in SolrCloud):
     * {@code dense} scored as Lucene scores a dot product d of unit vectors, (1 + d) / 2, and kept from
     * {@link #minSimilarity} up. Ties go to the earlier paragraph (the smaller key). For a weighted sum each
     * ranking's scores are scaled to 0..1 between its worst and best (min-max), and a paragraph missing from
     * a ranking scores 0 there.
     */
    public List<Scored> fuse(List<Scored> bm25, List<Scored> dense) {
        double floor = (1 + minSimilarity) / 2;
        List<Scored> near = dense.stream().filter(s -> s.score() >= floor).toList();
        Map<Integer, Double> scores = new HashMap<>();
        for (List<Scored> ranking : List.of(bm25, near)) {
            boolean isDense = ranking == near;
            double max = ranking.stream().mapToDouble(Scored::score).max().orElse(0);
            double min = ranking.stream().mapToDouble(Scored::score).min().orElse(0);
            for (int rank = 0; rank < ranking.size(); rank++) {
                Scored s = ranking.get(rank);
                double add = kind == Kind.RRF ? 1.0 / (param + rank + 1)
                        : (isDense ? param : 1 - param) * (max > min ? (s.score() - min) / (max - min) : 1);
                scores.merge(s.key(), add, Double::sum);
            }
        }
        List<Scored> fused = new ArrayList<>();
        scores.forEach((key, score) -> fused.add(new Scored(key, score)));
        fused.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score())
                : Integer.compare(x.key(), y.key()));
        return fused;
    }
}
