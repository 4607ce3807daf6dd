package dev.paracite.retrieval.solr;

import java.time.Duration;
import java.util.List;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/** Sets up Paracite's collection in a SolrCloud: the configset uploaded, the collection created. */
public final class SolrCollections implements AutoCloseable {

    /** What {@link #init} did. */
    public enum Outcome { CREATED, EXISTED }

    /** Creating a collection waits for every replica to come up: seconds, not the milliseconds of a search. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(120);

    private final SolrNodes nodes;

    public SolrCollections(SolrTarget target) {
        this.nodes = new SolrNodes(target.withTimeout(ADMIN_TIMEOUT));
    }

    /**
     * Uploads the configset unless Solr has it and creates the collection with {@code shards} shards of
     * {@code replicas} replicas each, unless it exists (then nothing changes, whatever its layout).
     */
    public Outcome init(int shards, int replicas) {
        String collection = nodes.target().collection();
        List<String> configsets = nodes.request("the configset list", new ConfigSetAdminRequest.List(), null)
                .getConfigSets();
        if (!configsets.contains(Configset.NAME)) {
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                    .setUploadStream(new ContentStreamBase.ByteArrayStream(Configset.zip(), Configset.NAME, "application/zip"));
            upload.setConfigSetName(Configset.NAME);
            nodes.request("the configset upload", upload, null);
        }
        List<String> collections = nodes.call("the collection list", CollectionAdminRequest::listCollections);
        if (collections.contains(collection)) {
            return Outcome.EXISTED;
        }
        nodes.request("the collection creation",
                CollectionAdminRequest.createCollection(collection, Configset.NAME, shards, replicas), null);
        return Outcome.CREATED;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
