package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.QueryTerm;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * Solr requests built from analysed terms, never from the question's text: each term travels as a
 * request parameter that {@code {!term}} reads as is (or {@code {!field}}, see {@link #bm25}), so nothing in a question is query syntax and Solr
 * does not analyse (stem) a term a second time. The query has the in-process shape (IndexedSearch):
 * for every term a SHOULD clause on the text and one on the section boosted by the section weight.
 */
final class SolrQueries {

    static final String DOCUMENT = "document";
    static final String ORDINAL = "ordinal";
    static final String VECTOR = "vector";

    private SolrQueries() {}

    /** A query restricted to one document's paragraphs. */
    static SolrQuery ofDocument(String document) {
        SolrQuery query = new SolrQuery();
        query.addFilterQuery("{!term f=" + DOCUMENT + " v=$doc}");
        query.set("doc", document);
        return query;
    }

    /**
     * The {@code k} paragraphs of {@code document} nearest to {@code vector}, scored as in process ((1 + dot
     * product) / 2), ties to the earlier paragraph; the document filter is applied before the search, so
     * the k are the document's own.
     */
    static SolrQuery knn(String document, float[] vector, int k) {
        SolrQuery query = ofDocument(document);
        query.set("vec", floats(vector).toString());
        return query.setQuery("{!knn f=" + VECTOR + " topK=" + k + " v=$vec}").setRows(k).setFields(ORDINAL, "score")
                .addSort("score", SolrQuery.ORDER.desc).addSort(ORDINAL, SolrQuery.ORDER.asc);
    }

    /** A vector as Solr takes it. */
    static List<Float> floats(float[] vector) {
        List<Float> out = new ArrayList<>(vector.length);
        for (float f : vector) {
            out.add(f);
        }
        return out;
    }

    /** The BM25 query for {@code terms}, best first, ties to the earlier paragraph. */
    static SolrQuery bm25(String document, List<QueryTerm> terms, float sectionWeight, int rows) {
        SolrQuery query = ofDocument(document);
        StringBuilder q = new StringBuilder("{!lucene q.op=OR}");
        for (int i = 0; i < terms.size(); i++) {
            QueryTerm term = terms.get(i);
            // a term with near-synonyms standing in for it goes as "term|synonym|...", which the schema's query
            // analyzer puts at one position: Solr then scores them as one term (SynonymQuery), as in-process
            String parser = term.alternatives().isEmpty() ? "term" : "field";
            List<String> forms = new ArrayList<>(List.of(term.term()));
            forms.addAll(term.alternatives());
            query.set("w" + i, String.join("|", forms));
            q.append(" _query_:\"{!").append(parser).append(" f=text v=$w").append(i).append("}\"");
            if (sectionWeight > 0) {
                q.append(" _query_:\"{!").append(parser).append(" f=section v=$w").append(i).append("}\"^")
                        .append(sectionWeight);
            }
        }
        return query.setQuery(q.toString()).setRows(rows).setFields(ORDINAL, "score")
                .addSort("score", SolrQuery.ORDER.desc).addSort(ORDINAL, SolrQuery.ORDER.asc);
    }
}
