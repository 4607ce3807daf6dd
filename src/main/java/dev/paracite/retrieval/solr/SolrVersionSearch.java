package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.LuceneTerms;
import dev.paracite.retrieval.ParagraphAnalyzer;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.VersionIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.solr.common.SolrDocument;

/**
 * BM25 search over a library's latest versions held by a {@link SolrVersionIndex}: the query and term
 * statistics of {@link SolrParagraphSearch}, over every version the library keeps (as its own index's
 * statistics are), hits kept to the latest versions and mapped back to the corpus's paragraphs.
 */
final class SolrVersionSearch implements ParagraphSearch {

    private final SolrNodes nodes;
    private final Document corpus;
    /** Each document's latest version as {@code id@version}, by id. */
    private final Map<String, String> latest;
    private final float sectionWeight;
    private final SolrStatistics statistics;
    private final LuceneTerms terms;

    SolrVersionSearch(SolrNodes nodes, Document corpus, Map<String, Integer> latest, String names,
                      RetrievalSettings settings) {
        this.nodes = nodes;
        this.corpus = corpus;
        this.latest = new HashMap<>();
        latest.forEach((id, v) -> this.latest.put(id, VersionIndex.Version.key(id, v)));
        this.sectionWeight = settings.sectionWeight();
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
        var query = SolrQueries.bm25(SolrQueries.ofVersions(versions), queryTerms, sectionWeight, topK);
        boolean qualified = corpus.parts().size() > 1;
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument doc : nodes.query("the search", query).getResults()) {
            String label = (String) doc.getFieldValue(SolrQueries.LABEL);
            Paragraph p = corpus.byLabel().get(qualified
                    ? Document.Part.qualified((String) doc.getFieldValue(SolrQueries.DOCUMENT), label) : label);
            if (p != null) {
                hits.add(new Hit(p, ((Number) doc.getFieldValue("score")).floatValue(), false));
            }
        }
        return hits;
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
