package dev.paracite.cli;

import java.util.List;

/**
 * The index the command line chose: {@code lucene} (in process) or {@code solr}, with the SolrCloud node
 * URLs and collection.
 */
public record IndexChoice(String kind, List<String> solrUrls, String solrCollection) {

    public static final IndexChoice LUCENE = new IndexChoice("lucene", List.of(), null);

    public IndexChoice {
        solrUrls = List.copyOf(solrUrls);
    }

    public boolean solr() {
        return kind.equals("solr");
    }
}
