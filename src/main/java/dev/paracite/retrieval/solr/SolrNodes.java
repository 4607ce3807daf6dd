package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.IndexUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;

/**
 * One JDK HTTP client per configured node, each with connect and request timeouts. A request goes to the
 * first node and, when that node cannot be reached, to the next; an answer that is an error (a bad
 * request, a missing collection) is not retried elsewhere.
 */
final class SolrNodes implements AutoCloseable {

    /** A request to run against one node. */
    interface Call<T> {
        T on(SolrClient client) throws SolrServerException, IOException;
    }

    /** Paragraphs sent per update request while indexing. */
    private static final int BATCH = 500;

    private final SolrTarget target;
    private final List<SolrClient> clients = new ArrayList<>();
    /** Requests sent, for tests that count round trips. */
    private final AtomicLong sent = new AtomicLong();

    SolrNodes(SolrTarget target) {
        this.target = target;
        long millis = target.timeout().toMillis();
        for (String url : target.urls()) {
            clients.add(new HttpJdkSolrClient.Builder(url)
                    .withOptionalBasicAuthCredentials(target.credentials())
                    .withConnectionTimeout(millis, TimeUnit.MILLISECONDS)
                    .withIdleTimeout(millis, TimeUnit.MILLISECONDS)
                    .withRequestTimeout(millis, TimeUnit.MILLISECONDS)
                    .useHttp1_1(true)
                    .build());
        }
    }

    SolrTarget target() {
        return target;
    }

    <T> T call(String what, Call<T> call) {
        Exception last = null;
        for (SolrClient client : clients) {
            try {
                sent.incrementAndGet();
                return call.on(client);
            } catch (SolrServerException | IOException e) {
                last = e; // not reached or no answer in time: try the next node
            } catch (SolrException e) {
                if (!unavailable(e)) {
                    throw new SolrRefusedException("Solr refused " + what + " (HTTP " + e.code() + "): " + e.getMessage(), e);
                }
                last = e;
            }
        }
        throw new IndexUnavailableException("Solr did not answer " + what + " at " + String.join(", ", target.urls())
                + " within " + target.timeout().toMillis() + " ms", last);
    }

    /**
     * An answer that says the cluster cannot serve now rather than that the request is wrong: 503, and 510
     * ("no active replicas", while replicas recover after nodes come back), seen in SolrCloudIT.
     */
    private static boolean unavailable(SolrException e) {
        return e.code() == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code
                || e.code() == SolrException.ErrorCode.INVALID_STATE.code;
    }

    /** Sends {@code docs} to the collection, {@link #BATCH} to a request. */
    void add(List<SolrInputDocument> docs) {
        for (int from = 0; from < docs.size(); from += BATCH) {
            UpdateRequest add = new UpdateRequest();
            add.add(docs.subList(from, Math.min(docs.size(), from + BATCH)));
            request("the paragraphs' indexing", add, target.collection());
        }
    }

    /** Deletes what {@code query} matches (a Lucene query string). */
    void deleteByQuery(String what, String query) {
        UpdateRequest delete = new UpdateRequest();
        delete.deleteByQuery(query);
        request(what, delete, target.collection());
    }

    /** Commits the collection and waits until a search sees what was sent. */
    void commit() {
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(UpdateRequest.ACTION.COMMIT, true, true);
        request("the commit", commit, target.collection());
    }

    /** Reachable when the collection answers a count of the paragraphs {@code scope} keeps to in time. */
    IndexStatus status(SolrQuery scope) {
        SolrQuery count = scope.setQuery("*:*").setRows(0);
        try {
            query("the health check", count);
            return new IndexStatus("solr", true);
        } catch (IndexUnavailableException | SolrRefusedException e) {
            return new IndexStatus("solr", false);
        }
    }

    /**
     * A query against the collection. An answer without a result list, as a node shutting down mid-request
     * has given (seen in SolrCloudIT's node-loss test), counts as no answer: the next node is asked.
     */
    QueryResponse query(String what, SolrQuery query) {
        return call(what, client -> {
            QueryResponse response = client.query(target.collection(), query);
            if (response.getResults() == null) {
                throw new SolrServerException("the node answered without results");
            }
            return response;
        });
    }

    long sent() {
        return sent.get();
    }

    <R extends SolrResponse> R request(String what, SolrRequest<R> request, String collection) {
        return call(what, client -> request.process(client, collection));
    }

    @Override
    public void close() {
        for (SolrClient client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // closing a JDK HTTP client releases nothing that outlives the process
            }
        }
    }
}
