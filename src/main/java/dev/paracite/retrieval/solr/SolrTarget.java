package dev.paracite.retrieval.solr;

import java.time.Duration;
import java.util.List;

/**
 * Where the paragraphs live in SolrCloud: node base URLs ({@code http://host:8983/solr}; any node serves
 * any request, the next is tried when one cannot be reached), the collection, how long any one call may
 * take, and basic-auth credentials as {@code user:password} (null for none; never printed).
 */
public record SolrTarget(List<String> urls, String collection, Duration timeout, String credentials) {

    /** The collection name when none is given. */
    public static final String DEFAULT_COLLECTION = "paracite";
    /** Long enough for a distributed search under load, short enough that an ask fails fast. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public SolrTarget {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no Solr URL");
        }
        if (credentials != null && !credentials.contains(":")) {
            throw new IllegalArgumentException("Solr credentials are user:password");
        }
    }

    public SolrTarget(List<String> urls, String collection, Duration timeout) {
        this(urls, collection, timeout, null);
    }

    public static SolrTarget of(List<String> urls, String collection) {
        return new SolrTarget(urls, collection, DEFAULT_TIMEOUT);
    }

    public SolrTarget withTimeout(Duration other) {
        return new SolrTarget(urls, collection, other, credentials);
    }

    public SolrTarget withCredentials(String userColonPassword) {
        return new SolrTarget(urls, collection, timeout, userColonPassword);
    }

    @Override
    public String toString() {
        return "SolrTarget[urls=" + urls + ", collection=" + collection + ", timeout=" + timeout + ", credentials="
                + (credentials == null ? "none" : "(set)") + "]";
    }
}
