package dev.paracite.retrieval;

/**
 * How paragraphs are analysed and ranked.
 *
 * @param stemming      stemmer applied after possessive removal, lower-casing and English stop words
 * @param k1            BM25 term-frequency saturation
 * @param b             BM25 length normalisation
 * @param sectionWeight boost of the section-title field relative to the paragraph text
 * @param fusion        whether and how a dense ranking from the embedding model joins BM25's
 */
public record RetrievalSettings(Stemming stemming, float k1, float b, float sectionWeight, Fusion fusion) {

    /**
     * BM25 as chosen by measurement (eval/README.md, "Retrieval settings"): on eval/dev.jsonl every stemmer
     * puts a gold paragraph in the top 3 (R@3 1.000), so the dev set cannot separate them; on BEIR SciFact
     * Porter leads (nDCG@10 0.690 vs KStem 0.680, minimal 0.672, none 0.666) and k1 1.5 / b 0.75 beats
     * Anserini's 0.9 / 0.4 (0.690 vs 0.680). The section title is neutral at 0.3 on the dev set and
     * harmful at 1.0 (R@1 0.98 to 0.96); at 0.3 it still lets a section's topic reach its paragraphs.
     */
    public static final RetrievalSettings BM25 = new RetrievalSettings(Stemming.PORTER, 1.5f, 0.75f, 0.3f, Fusion.NONE);

    /** BM25 fused with the embedding model's ranking; the fusion was chosen in eval/README.md ("Hybrid retrieval"). */
    public static final RetrievalSettings HYBRID = BM25.with(new Fusion(Fusion.Kind.RRF, 50, 60));

    /** What the product uses unless told otherwise. */
    public static final RetrievalSettings DEFAULT = BM25;

    public RetrievalSettings(Stemming stemming, float k1, float b, float sectionWeight) {
        this(stemming, k1, b, sectionWeight, Fusion.NONE);
    }

    public RetrievalSettings with(Fusion other) {
        return new RetrievalSettings(stemming, k1, b, sectionWeight, other);
    }
}
