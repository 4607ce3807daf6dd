package dev.paracite.retrieval.solr;

import dev.paracite.retrieval.QueryTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CoreAdminRequest;
import org.apache.solr.common.util.NamedList;

/**
 * For benchmarks (SolrBench): the local SolrCloud of the tests ({@link LocalSolrCloud}, a child JVM) with
 * the heap a benchmark needs, what each of its cores holds, and one core searched alone
 * ({@code distrib=false}) with the query {@link SolrParagraphSearch} sends, so that a shard's own cost can
 * be measured apart from the distributed request around it.
 */
public final class BenchCluster implements AutoCloseable {

    /** One core (a replica of one shard) as its node reports it. */
    public record Core(String node, String name, String shard, long paragraphs, long indexBytes) {}

    private final LocalSolrCloud cloud;
    private final Map<String, SolrClient> clients = new LinkedHashMap<>();

    private BenchCluster(LocalSolrCloud cloud) {
        this.cloud = cloud;
        for (String url : cloud.urls()) {
            clients.put(url, new HttpJdkSolrClient.Builder(url).useHttp1_1(true).build());
        }
    }

    public static BenchCluster start(int nodes, String heap) throws Exception {
        return new BenchCluster(LocalSolrCloud.start(nodes, heap));
    }

    public List<String> urls() {
        return cloud.urls();
    }

    public long pid() {
        return cloud.pid();
    }

    public long startMillis() {
        return cloud.startMillis();
    }

    /** Every core of every node, with its paragraphs and its index's bytes on disk. */
    public List<Core> cores() throws SolrServerException, IOException {
        List<Core> cores = new ArrayList<>();
        for (var node : clients.entrySet()) {
            for (var core : CoreAdminRequest.getStatus(null, node.getValue()).getCoreStatus()) {
                NamedList<Object> status = core.getValue();
                Object shard = status.findRecursive("cloud", "shard");
                cores.add(new Core(node.getKey(), core.getKey(), shard == null ? "?" : shard.toString(),
                        ((Number) status.findRecursive("index", "numDocs")).longValue(),
                        ((Number) status.findRecursive("index", "sizeInBytes")).longValue()));
            }
        }
        return cores;
    }

    /** How a shard is searched alone: as {@link SolrParagraphSearch} asks, or with one of its costs taken away. */
    public enum ShardQuery {
        /** The query as sent: every match counted, ties broken by ordinal. */
        AS_SENT,
        /** Counting stops at the rows asked for ({@code minExactCount}), so Lucene may skip what cannot reach them. */
        COUNT_ROWS_ONLY,
        /** The same, sorted by score alone: no tie-break on the ordinal (a diagnostic; ties would then reorder). */
        COUNT_ROWS_ONLY_SCORE_SORT
    }

    /** Searches {@code core} alone, its own term statistics only; returns the paragraphs that matched. */
    public long searchShard(Core core, String document, List<QueryTerm> terms, float sectionWeight, int rows,
                            ShardQuery shape) throws SolrServerException, IOException {
        var query = SolrQueries.bm25(SolrQueries.ofDocument(document), terms, sectionWeight, rows);
        query.set("distrib", false);
        if (shape != ShardQuery.AS_SENT) {
            query.set("minExactCount", rows);
        }
        if (shape == ShardQuery.COUNT_ROWS_ONLY_SCORE_SORT) {
            query.clearSorts();
            query.addSort("score", org.apache.solr.client.solrj.SolrQuery.ORDER.desc);
        }
        return clients.get(core.node()).query(core.name(), query).getResults().getNumFound();
    }

    @Override
    public void close() throws Exception {
        for (SolrClient client : clients.values()) {
            client.close();
        }
        cloud.close();
    }
}
