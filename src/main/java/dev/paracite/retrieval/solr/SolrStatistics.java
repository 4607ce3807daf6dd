package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.LuceneTerms;
import dev.paracite.retrieval.IndexedSearch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Document frequencies of the paragraphs of one document, or of a library's versions, in the collection,
 * counted by Solr across every shard and remembered: the paragraphs of a document version never change
 * once indexed (a library's search is made again whenever the library changes).
 */
final class SolrStatistics implements LuceneTerms.Statistics {

    private final SolrNodes nodes;
    /** A new query restricted to the paragraphs counted. */
    private final Supplier<SolrQuery> scope;
    private final Map<Term, Long> docFreqs = new ConcurrentHashMap<>();
    private volatile long numDocs = -1;

    SolrStatistics(SolrNodes nodes, Supplier<SolrQuery> scope) {
        this.nodes = nodes;
        this.scope = scope;
    }

    @Override
    public long docFreq(Term term) {
        Long known = docFreqs.get(term);
        if (known != null) {
            return known;
        }
        SolrQuery query = scope.get().setQuery("{!term f=" + term.field() + " v=$w}").setRows(0);
        query.set("w", term.text());
        long count = count(query);
        docFreqs.put(term, count);
        return count;
    }

    @Override
    public long numDocs() {
        if (numDocs < 0) {
            numDocs = count(scope.get().setQuery("*:*").setRows(0));
        }
        return numDocs;
    }

    /**
     * Counts the text field's document frequencies of {@code terms} not yet known, in one request (a facet
     * query per term, summed over the shards), so that a question costs one round trip, not one per word.
     */
    void prefetch(Collection<String> terms) {
        List<String> unknown = terms.stream().distinct().filter(t -> !docFreqs.containsKey(new Term(IndexedSearch.TEXT, t)))
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        SolrQuery query = scope.get().setQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1);
        for (int i = 0; i < unknown.size(); i++) {
            query.addFacetQuery("{!term f=" + IndexedSearch.TEXT + " v=$w" + i + "}");
            query.set("w" + i, unknown.get(i));
        }
        Map<String, Integer> counts = nodes.query("the term counts", query).getFacetQuery();
        for (int i = 0; i < unknown.size(); i++) {
            Integer count = counts.get("{!term f=" + IndexedSearch.TEXT + " v=$w" + i + "}");
            if (count != null) {
                docFreqs.put(new Term(IndexedSearch.TEXT, unknown.get(i)), count.longValue());
            }
        }
    }

    /** Forgets what was counted, after the document was indexed again. */
    void clear() {
        docFreqs.clear();
        numDocs = -1;
    }

    private long count(SolrQuery query) {
        return nodes.query("a term count", query).getResults().getNumFound();
    }
}
