package dev.paracite.retrieval.solr;

/**
 * Solr answered a request with an error that asking again will not change (a missing collection, a
 * layout the cluster cannot hold): a configuration to fix, unlike {@link dev.paracite.retrieval.IndexUnavailableException}.
 */
public final class SolrRefusedException extends RuntimeException {

    SolrRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
