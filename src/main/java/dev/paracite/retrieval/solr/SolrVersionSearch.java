package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Fusion;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.LuceneTerms;
import dev.paracite.retrieval.ParagraphAnalyzer;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.VersionIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.solr.common.SolrDocument;

/**
 * Search over a library's latest versions held by a {@link SolrVersionIndex}: the query and term
 * statistics of {@link SolrParagraphSearch}, over every version the library keeps (as its own index's
 * statistics are), hits kept to the latest versions and mapped back to the corpus's paragraphs. With
 * hybrid retrieval, the versions' nearest paragraphs to the question are fused with BM25's ranking as in
 * process ({@link Fusion#fuse}); a paragraph's key there is its place in the corpus (documents by id,
 * paragraphs in order), which breaks ties.
 */
final class SolrVersionSearch implements ParagraphSearch {

    private final SolrNodes nodes;
    private final Document corpus;
    /** Each document's latest version as {@code id@version}, by id. */
    private final Map<String, String> latest;
    /** Where each document's paragraphs start in the corpus, by id. */
    private final Map<String, Integer> starts = new HashMap<>();
    private final SolrRanking ranking;
    private final SolrStatistics statistics;
    private final LuceneTerms terms;

    SolrVersionSearch(SolrNodes nodes, Document corpus, Map<String, Integer> latest, String names,
                      RetrievalSettings settings, Embedder embedder) {
        this.nodes = nodes;
        this.corpus = corpus;
        this.latest = new HashMap<>();
        latest.forEach((id, v) -> this.latest.put(id, VersionIndex.Version.key(id, v)));
        List<Paragraph> paragraphs = corpus.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            starts.putIfAbsent(paragraphs.get(i).source().document(), i);
        }
        this.ranking = new SolrRanking(nodes, settings, embedder);
        this.statistics = new SolrStatistics(nodes, SolrQueries::ofLibrary);
        this.terms = new LuceneTerms(new ParagraphAnalyzer(settings.stemming()), statistics, names, settings.synonyms());
    }

    @Override
    public List<Hit> search(String question, int topK) {
        return search(question, topK, List.of());
    }

    @Override
    public List<Hit> search(String question, int topK, List<String> documents) {
        List<String> versions = documents.isEmpty() ? List.copyOf(latest.values())
                : documents.stream().map(latest::get).filter(Objects::nonNull).toList();
        statistics.prefetch(terms.of(question));
        List<QueryTerm> queryTerms = terms.ofQuestion(question);
        if (queryTerms.isEmpty() || topK <= 0 || versions.isEmpty()) {
            return List.of();
        }
        return ranking.top(() -> SolrQueries.ofVersions(versions), question, queryTerms, topK, this::key,
                corpus.paragraphs()::get);
    }

    /**
     * A paragraph's place in the corpus; -1 for one of a version only the search index still holds (the
     * library changed since this corpus was made).
     */
    private int key(SolrDocument doc) {
        Integer start = starts.get((String) doc.getFieldValue(SolrQueries.DOCUMENT));
        int key = start == null ? -1 : start + ((Number) doc.getFieldValue(SolrQueries.ORDINAL)).intValue();
        boolean kept = key >= 0 && key < corpus.paragraphs().size()
                && corpus.paragraphs().get(key).source().label().equals(doc.getFieldValue(SolrQueries.LABEL));
        return kept ? key : -1;
    }

    @Override
    public IndexStatus status() {
        return nodes.status(SolrQueries.ofLibrary());
    }

    @Override
    public Terms terms() {
        return terms;
    }

    @Override
    public void close() {
        // the index owns the connections
    }
}
