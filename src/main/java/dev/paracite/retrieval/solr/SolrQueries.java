package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.QueryTerm;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Solr requests built from analysed terms, never from the question's text: each term travels as a
 * request parameter that {@code {!term}} reads as is (or {@code {!field}}, see {@link #bm25}), so nothing in a question is query syntax and Solr
 * does not analyse (stem) a term a second time. The query has the in-process shape (IndexedSearch):
 * for every term a SHOULD clause on the text and one on the section boosted by the section weight.
 */
final class SolrQueries {

    static final String DOCUMENT = "document";
    static final String ORDINAL = "ordinal";
    static final String LABEL = "label";
    /** A library version's paragraphs carry {@code origin:library} and {@code docver} ({@code id@version}). */
    static final String ORIGIN = "origin";
    static final String LIBRARY = "library";
    static final String DOCVER = "docver";
    static final String DIGEST = "digest";
    private static final String SINGLE = DIGEST + ":[* TO *]";
    static final String VECTOR = "vector";

    private SolrQueries() {}

    /**
     * A query restricted to one single document's paragraphs, never a library's of the same id: only a single
     * document's carry a digest (so this works on a collection made before libraries were, too).
     */
    static SolrQuery ofDocument(String document) {
        SolrQuery query = new SolrQuery();
        query.addFilterQuery("{!term f=" + DOCUMENT + " v=$doc}");
        query.addFilterQuery(SINGLE);
        query.set("doc", document);
        return query;
    }

    /** The delete-by-query for one single document's paragraphs. */
    static String deleteDocument(String document) {
        return "+" + DOCUMENT + ":" + ClientUtils.escapeQueryChars(document) + " +" + SINGLE;
    }

    /**
     * The {@code k} paragraphs among those {@code scope} keeps to nearest to {@code vector}, scored as in
     * process ((1 + dot product) / 2), ties to the earlier paragraph; the scope's filters are applied before
     * the search, so the k are all in scope.
     */
    static SolrQuery knn(SolrQuery scope, float[] vector, int k) {
        scope.set("vec", floats(vector).toString());
        return scope.setQuery("{!knn f=" + VECTOR + " topK=" + k + " v=$vec}").setRows(k)
                .setFields(DOCUMENT, LABEL, ORDINAL, "score")
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

    /** A query over every paragraph of a library's versions. */
    static SolrQuery ofLibrary() {
        return new SolrQuery().addFilterQuery(ORIGIN + ":" + LIBRARY);
    }

    /** A query restricted to these library versions ({@code id@version}). */
    static SolrQuery ofVersions(Collection<String> docvers) {
        SolrQuery query = ofLibrary();
        query.addFilterQuery("{!terms f=" + DOCVER + " v=$versions}");
        query.set("versions", String.join(",", docvers));
        return query;
    }

    /** The BM25 query for {@code terms} among the paragraphs {@code scope} keeps to, best first, ties to the earlier paragraph. */
    static SolrQuery bm25(SolrQuery scope, List<QueryTerm> terms, float sectionWeight, int rows) {
        SolrQuery query = scope;
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
        return query.setQuery(q.toString()).setRows(rows).setFields(DOCUMENT, LABEL, ORDINAL, "score")
                .addSort("score", SolrQuery.ORDER.desc).addSort(ORDINAL, SolrQuery.ORDER.asc);
    }
}
