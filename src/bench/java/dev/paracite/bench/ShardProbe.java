package dev.paracite.bench;

import dev.paracite.corpus.Document;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.solr.BenchCluster;
import dev.paracite.retrieval.solr.SolrCollections;
import dev.paracite.retrieval.solr.SolrParagraphSearch;
import dev.paracite.retrieval.solr.SolrTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a deployment is sized from (SolrBench): each shard searched alone, with the Solr JVM's CPU
 * per query; the whole document in process on one thread beside it; in-process latency at smaller sizes
 * for how a shard's latency grows with its paragraphs; and a JVM's heap after a full GC.
 */
final class ShardProbe {

    private ShardProbe() {}

    static Map<String, Object> measure(BenchCluster cluster, String document, ParagraphSearch solr,
                                       ParagraphSearch lucene, List<String> questions, int seconds) throws Exception {
        Map<String, List<QueryTerm>> terms = new LinkedHashMap<>();
        questions.forEach(q -> terms.put(q, solr.terms().ofQuestion(q)));
        Map<String, Object> rows = new LinkedHashMap<>();
        List<BenchCluster.Core> cores = cluster.cores();
        for (BenchCluster.Core core : cores) {
            for (int threads : new int[] {1, 8}) {
                shard(cluster, core, document, terms, questions, threads, BenchCluster.ShardQuery.AS_SENT, seconds, rows);
            }
        }
        // what makes a shard's search cost what it does: the same shard without the exhaustive count, then
        // without the tie-break as well (diagnostics; the product sends AS_SENT)
        for (BenchCluster.ShardQuery shape : List.of(BenchCluster.ShardQuery.COUNT_ROWS_ONLY,
                BenchCluster.ShardQuery.COUNT_ROWS_ONLY_SCORE_SORT)) {
            shard(cluster, cores.get(0), document, terms, questions, 1, shape, seconds, rows);
        }
        ConcurrentCalls.measure(questions, 1, seconds / 6.0, q -> lucene.search(q, 5));
        long cpu = LibraryBench.cpuNanos();
        ConcurrentCalls.Figures whole = ConcurrentCalls.measure(questions, 1, seconds / 2.0, q -> lucene.search(q, 5));
        rows.put("in-process, whole document, 1 thread", Map.of("figures", whole, "cpuMillisPerQuery",
                BenchJson.round((LibraryBench.cpuNanos() - cpu) / 1e6 / Math.max(1, whole.calls()), 3)));
        System.out.println("in-process whole document, 1 thread: " + whole);
        return rows;
    }

    /** One shard searched alone from {@code threads} threads, after a warm-up, with the Solr JVM's CPU per query. */
    private static void shard(BenchCluster cluster, BenchCluster.Core core, String document, Map<String, List<QueryTerm>> terms,
                              List<String> questions, int threads, BenchCluster.ShardQuery shape, int seconds,
                              Map<String, Object> rows) throws IOException, InterruptedException {
        float sectionWeight = RetrievalSettings.BM25.sectionWeight();
        java.util.function.Consumer<String> call = q -> {
            try {
                cluster.searchShard(core, document, terms.get(q), sectionWeight, 5, shape);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        ConcurrentCalls.measure(questions, threads, seconds / 6.0, call);
        long ticks = WrkBench.cpuTicks(cluster.pid());
        ConcurrentCalls.Figures f = ConcurrentCalls.measure(questions, threads, seconds / 2.0, call);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("paragraphs", core.paragraphs());
        row.put("figures", f);
        row.put("solrJvmCpuMillisPerQuery", BenchJson.round((WrkBench.cpuTicks(cluster.pid()) - ticks) * 10.0
                / Math.max(1, f.calls()), 3));
        String name = core.shard() + " (" + core.name() + "), " + shape + ", " + threads + " thread" + (threads > 1 ? "s" : "");
        rows.put(name, row);
        System.out.println("shard alone " + name + ": " + row);
    }

    /**
     * Solr's shard cost at each size in {@code sizes} (comma-separated): per size, a collection of one shard holding a
     * synthetic document of that many paragraphs, searched alone on one thread as sent and with the count stopped at
     * the hits asked for, back to back.
     */
    static List<Map<String, Object>> solrGrowth(BenchCluster cluster, String sizes, int meanWords, int seconds) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int size : Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray()) {
            SyntheticDocument.Asked asked = SyntheticDocument.asked(size, meanWords, 200);
            Document document = asked.document();
            List<String> questions = asked.questions();
            String collection = "one-shard-" + size;
            SolrTarget target = SolrTarget.of(cluster.urls(), collection);
            try (SolrCollections collections = new SolrCollections(target)) {
                collections.init(1, 1);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("paragraphs", size);
            long start = System.nanoTime();
            try (SolrParagraphSearch search = SolrParagraphSearch.open(target.withTimeout(java.time.Duration.ofMinutes(10)),
                    document, RetrievalSettings.BM25)) {
                search.index();
                row.put("indexSeconds", BenchJson.round((System.nanoTime() - start) / 1e9, 1));
                Map<String, List<QueryTerm>> terms = new LinkedHashMap<>();
                questions.forEach(q -> terms.put(q, search.terms().ofQuestion(q)));
                BenchCluster.Core core = cluster.cores().stream().filter(c -> c.name().startsWith(collection + "_"))
                        .findFirst().orElseThrow();
                row.put("indexMb", BenchJson.round(core.indexBytes() / 1e6, 1));
                Map<String, Object> shapes = new LinkedHashMap<>();
                for (BenchCluster.ShardQuery shape : List.of(BenchCluster.ShardQuery.AS_SENT, BenchCluster.ShardQuery.COUNT_ROWS_ONLY)) {
                    shard(cluster, core, document.name(), terms, questions, 1, shape, seconds, shapes);
                }
                row.put("searched alone, 1 thread", shapes);
            }
            rows.add(row);
        }
        return rows;
    }

    /** In-process search on one thread over documents of each size in {@code sizes} (comma-separated). */
    static List<Map<String, Object>> growth(String sizes, int meanWords, int seconds) throws InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int size : Arrays.stream(sizes.split(",")).mapToInt(Integer::parseInt).toArray()) {
            SyntheticDocument.Asked asked = SyntheticDocument.asked(size, meanWords, 200);
            Document document = asked.document();
            List<String> questions = asked.questions();
            try (LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.BM25)) {
                ConcurrentCalls.measure(questions, 1, seconds / 6.0, q -> search.search(q, 5));
                long cpu = LibraryBench.cpuNanos();
                ConcurrentCalls.Figures f = ConcurrentCalls.measure(questions, 1, seconds / 2.0, q -> search.search(q, 5));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("paragraphs", size);
                row.put("indexMb", BenchJson.round(search.indexBytes() / 1e6, 1));
                row.put("figures", f);
                row.put("cpuMillisPerQuery", BenchJson.round((LibraryBench.cpuNanos() - cpu) / 1e6 / Math.max(1, f.calls()), 3));
                System.out.println("growth: " + row);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Heap in use in process {@code pid} after a full collection, in MB, by jcmd. */
    static double heapUsedAfterGcMb(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd " + pid);
        }
        return BenchJson.round(Long.parseLong(used.group(1)) / 1024.0, 1);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
