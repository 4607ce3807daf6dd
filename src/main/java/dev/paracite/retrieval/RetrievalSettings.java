package dev.paracite.retrieval;

/**
 * How paragraphs are analysed and ranked.
 *
 * @param stemming      stemmer applied after possessive removal, lower-casing and English stop words
 * @param k1            BM25 term-frequency saturation
 * @param b             BM25 length normalisation
 * @param sectionWeight boost of the section-title field relative to the paragraph text
 * @param fusion        whether and how a dense ranking from the embedding model joins BM25's
 * @param synonyms      whether a question word the document never uses is searched by its near-synonyms
 *                      (synonyms.txt)
 */
public record RetrievalSettings(Stemming stemming, float k1, float b, float sectionWeight, Fusion fusion,
                                boolean synonyms) {

    /**
     * BM25 as chosen by measurement (eval/README.md, "Retrieval settings"): on eval/dev.jsonl every stemmer
     * puts a gold paragraph in the top 3 (R@3 1.000), so the dev set cannot separate them; on BEIR SciFact
     * Porter leads (nDCG@10 0.690 vs KStem 0.680, minimal 0.672, none 0.666) and k1 1.5 / b 0.75 beats
     * Anserini's 0.9 / 0.4 (0.690 vs 0.680). The section title is neutral at 0.3 on the dev set and
     * harmful at 1.0 (R@1 0.98 to 0.96); at 0.3 it still lets a section's topic reach its paragraphs.
     */
    public static final RetrievalSettings BM25 = new RetrievalSettings(Stemming.PORTER, 1.5f, 0.75f, 0.3f, Fusion.NONE, true);

    /**
     * BM25 fused with the embedding model's ranking: the top 50 of each, min-max scaled, dense weighted
     * 0.6. Chosen by mean MRR@10 on eval/dev.jsonl and SQuAD dev articles 0-4 (0.957, BM25 alone 0.929)
     * over reciprocal rank fusion (k 2-60) and weights 0.2-1.0, with two embedding models (the bench
     * program HybridTuning; bench/README.md, "Hybrid retrieval").
     */
    public static final RetrievalSettings HYBRID = BM25.with(new Fusion(Fusion.Kind.WEIGHTED, 50, 0.6, 0.5));

    /**
     * Hybrid: on sets nothing was chosen on it ranks better than BM25 alone (SQuAD articles 5-9 R@1
     * 0.828 vs 0.806; BEIR SciFact nDCG@10 0.733 vs 0.690).
     */
    public static final RetrievalSettings DEFAULT = HYBRID;

    public RetrievalSettings(Stemming stemming, float k1, float b, float sectionWeight) {
        this(stemming, k1, b, sectionWeight, Fusion.NONE, true);
    }

    public RetrievalSettings with(Fusion other) {
        return new RetrievalSettings(stemming, k1, b, sectionWeight, other, synonyms);
    }

    public RetrievalSettings withSynonyms(boolean on) {
        return new RetrievalSettings(stemming, k1, b, sectionWeight, fusion, on);
    }
}
