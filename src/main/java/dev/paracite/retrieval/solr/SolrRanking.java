package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Fusion;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

/**
 * How a search through Solr ranks, as in process: BM25 over the paragraphs a scope keeps to, as deep as
 * the fusion asks, and with hybrid retrieval their nearest neighbours to the question fused with it
 * ({@link Fusion#fuse}); the best become hits. One document's search and a library's share it.
 */
final class SolrRanking {

    /** Which of the paragraphs searched a Solr document is, by a key in their order; -1 for none of them. */
    interface Keys {
        int of(SolrDocument doc);
    }

    private final SolrNodes nodes;
    private final float sectionWeight;
    private final Fusion fusion;
    /** The embedding model, with hybrid retrieval; null with BM25 alone. */
    private final Embedder embedder;

    /** Ranking with {@code settings} and {@code embedder}, as {@link #check} allows. */
    SolrRanking(SolrNodes nodes, RetrievalSettings settings, Embedder embedder) {
        this.nodes = nodes;
        this.sectionWeight = settings.sectionWeight();
        this.fusion = settings.fusion();
        this.embedder = embedder;
    }

    /**
     * Refuses what the configset cannot serve, before anything is opened: it analyses with Porter stemming
     * (its k1 and b are the configset's: SolrConfigsetTest holds them equal), and hybrid retrieval needs
     * {@code embedder}, the model whose 384 dimensions its vector field holds (null with BM25 alone).
     */
    static void check(RetrievalSettings settings, Embedder embedder) {
        Configset.check(settings);
        if (settings.fusion().dense() != (embedder != null)) {
            throw new IllegalArgumentException("an embedding model is needed with hybrid retrieval, and only then");
        }
    }

    /**
     * The best {@code topK} of the paragraphs {@code scope} keeps to (a new query each call) for {@code
     * question}, analysed into {@code terms}; {@code keys} says which paragraph Solr found, {@code paragraphs}
     * gives it by its key.
     */
    List<Hit> top(Supplier<SolrQuery> scope, String question, List<QueryTerm> terms, int topK, Keys keys,
                  IntFunction<Paragraph> paragraphs) {
        int depth = fusion.depthFor(topK);
        List<Fusion.Scored> ranked = ranking("the search",
                SolrQueries.bm25(scope.get(), terms, sectionWeight, depth), keys);
        if (fusion.dense()) {
            List<Fusion.Scored> dense = ranking("the nearest-neighbour search",
                    SolrQueries.knn(scope.get(), embedder.embedQuery(question), depth), keys);
            ranked = fusion.fuse(ranked, dense);
        }
        List<Hit> hits = new ArrayList<>();
        for (Fusion.Scored s : ranked.subList(0, Math.min(topK, ranked.size()))) {
            hits.add(new Hit(paragraphs.apply(s.key()), s.score(), false));
        }
        return hits;
    }

    /** The paragraphs {@code query} finds, best first, by their keys. */
    private List<Fusion.Scored> ranking(String what, SolrQuery query, Keys keys) {
        List<Fusion.Scored> ranking = new ArrayList<>();
        for (SolrDocument doc : nodes.query(what, query).getResults()) {
            int key = keys.of(doc);
            if (key >= 0) {
                ranking.add(new Fusion.Scored(key, ((Number) doc.getFieldValue("score")).floatValue()));
            }
        }
        return ranking;
    }
}
