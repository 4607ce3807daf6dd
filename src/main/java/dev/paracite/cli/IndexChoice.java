package dev.paracite.cli;

import java.util.List;

/**
 * The index the command line chose: {@code lucene} (in process) or {@code solr}, with the SolrCloud node
 * URLs, collection and basic-auth credentials ({@code user:password}, null for none).
 */
public record IndexChoice(String kind, List<String> solrUrls, String solrCollection, String solrCredentials) {

    public static final IndexChoice LUCENE = new IndexChoice("lucene", List.of(), null, null);

    public IndexChoice {
        solrUrls = List.copyOf(solrUrls);
    }

    @Override
    public String toString() {
        return "IndexChoice[" + kind + ", " + solrUrls + ", " + solrCollection + "]";
    }

    public boolean solr() {
        return kind.equals("solr");
    }
}
