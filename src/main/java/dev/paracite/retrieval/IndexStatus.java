package dev.paracite.retrieval;

/**
 * Which index searches the paragraphs ({@code lucene} in this process, {@code solr} a SolrCloud) and
 * whether it answered when last asked.
 */
public record IndexStatus(String backend, boolean reachable) {

    /** The in-process index: always there. */
    public static final IndexStatus IN_PROCESS = new IndexStatus("lucene", true);
}
