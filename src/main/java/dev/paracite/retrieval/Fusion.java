package dev.paracite.retrieval;

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
}
