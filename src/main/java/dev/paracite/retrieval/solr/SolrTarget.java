package dev.paracite.retrieval.solr;

import java.time.Duration;
import java.util.List;

/**
 * Where the paragraphs live in SolrCloud: node base URLs ({@code http://host:8983/solr}; any node serves
 * any request, the next is tried when one cannot be reached), the collection, and how long any one call
 * may take.
 */
public record SolrTarget(List<String> urls, String collection, Duration timeout) {

    /** The collection name when none is given. */
    public static final String DEFAULT_COLLECTION = "paracite";
    /** Long enough for a distributed search under load, short enough that an ask fails fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public SolrTarget {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Solr URL");
        }
    }

    public static SolrTarget of(List<String> urls, String collection) {
        return new SolrTarget(urls, collection, DEFAULT_TIMEOUT);
    }

    public SolrTarget withTimeout(Duration other) {
        return new SolrTarget(urls, collection, other);
    }
}
