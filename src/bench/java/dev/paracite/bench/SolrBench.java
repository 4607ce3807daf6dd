package dev.paracite.bench;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Question;
import dev.paracite.corpus.Document;
import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.retrieval.solr.BenchCluster;
import dev.paracite.retrieval.solr.SolrCollections;
import dev.paracite.retrieval.solr.SolrParagraphSearch;
import dev.paracite.retrieval.solr.SolrTarget;
import dev.paracite.server.Server;
import dev.paracite.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's scale run, both indexes in one run over the same synthetic document (SyntheticDocument,
 * seed 42, paragraphs of about 45 words as LibraryBench): the local SolrCloud (2 nodes, a collection of
 * 2 shards x 1 replica, filled by {@link SolrParagraphSearch#index}) beside the in-process index
 * ({@link LuceneParagraphSearch#build}). Measures the ingest rate with the CPU of both JVMs; retrieval
 * alone ({@link ParagraphSearch#search}) from 8 and 64 threads; asks over HTTP (the product's server in
 * this JVM, BM25 and the extractive model as {@code serve --retrieval bm25} builds them, admission limits
 * off) with wrk at 8 and 64 connections beside {@code GET /api/health}; and what a deployment is sized
 * from: each core's paragraphs and bytes on disk, the Solr JVM's heap after a full GC, each shard searched
 * alone, and the in-process latency at smaller sizes. Writes target/bench/solr.json.
 * Arguments: [paragraphs, default 1000000] [seconds per measurement, default 30] [Solr JVM -Xmx, default 2g]
 * [in-process sizes for the growth, default 250000,500000; none to skip]. With {@code shards [sizes] [seconds] [-Xmx]}
 * instead: Solr's shard cost at each size (default 100000,250000,500000,1000000), a one-shard collection a size.
 */
public final class SolrBench {

    private static final int QUESTIONS = 200;
    private static final int MEAN_WORDS = 45;
    private static final String COLLECTION = "bench";
    /** A commit after a million paragraphs takes longer than a search may (SolrTarget.DEFAULT_TIMEOUT). */
    private static final Duration INDEX_TIMEOUT = Duration.ofMinutes(10);

    private SolrBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.paracite.access", "off"); // one log line per ask otherwise
        if (args.length > 0 && args[0].equals("shards")) {
            shards(args.length > 1 ? args[1] : "100000,250000,500000,1000000", args.length > 2 ? Integer.parseInt(args[2]) : 30,
                    args.length > 3 ? args[3] : "2g");
            return;
        }
        int paragraphs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String heap = args.length > 2 ? args[2] : "2g";
        String growth = args.length > 3 ? args[3] : "250000,500000";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arguments", List.of(paragraphs, seconds, heap, growth));
        out.put("loadAverageStart", LibraryBench.load());
        SyntheticDocument.Asked asked = SyntheticDocument.asked(paragraphs, MEAN_WORDS, QUESTIONS);
        Document document = asked.document();
        List<String> questions = asked.questions();
        out.put("paragraphs", document.paragraphs().size());
        try (BenchCluster cluster = BenchCluster.start(2, heap)) {
            out.put("clusterStartMillis", cluster.startMillis());
            SolrTarget target = SolrTarget.of(cluster.urls(), COLLECTION);
            try (SolrCollections collections = new SolrCollections(target)) {
                collections.init(2, 1);
            }
            Map<String, Object> ingest = new LinkedHashMap<>();
            ingest.put("solr (2 shards x 1 replica)", timed(paragraphs, cluster.pid(), () -> {
                try (SolrParagraphSearch indexing = SolrParagraphSearch.open(target.withTimeout(INDEX_TIMEOUT), document,
                        RetrievalSettings.BM25)) {
                    indexing.index();
                }
            }));
            LuceneParagraphSearch[] built = new LuceneParagraphSearch[1];
            ingest.put("in-process", timed(paragraphs, cluster.pid(),
                    () -> built[0] = LuceneParagraphSearch.build(document, RetrievalSettings.BM25)));
            print("ingest", ingest);
            out.put("ingest", ingest);
            try (LuceneParagraphSearch lucene = built[0];
                 SolrParagraphSearch solr = SolrParagraphSearch.open(target, document, RetrievalSettings.BM25)) {
                solr.indexUnlessPresent(); // finds the paragraphs by their digest: indexes nothing
                Map<String, Object> size = new LinkedHashMap<>();
                size.put("in-process index MB", BenchJson.round(lucene.indexBytes() / 1e6, 1));
                size.put("solr cores", cluster.cores());
                size.put("solr JVM heap used after full GC, MB (both nodes, one JVM)", ShardProbe.heapUsedAfterGcMb(cluster.pid()));
                print("size", size);
                out.put("size", size);
                out.put("retrieval", retrieval(questions, lucene, solr, seconds));
                out.put("shards alone", ShardProbe.measure(cluster, document.name(), solr, lucene, questions, seconds));
                out.put("http", http(document, questions, lucene, solr, seconds, cluster.pid()));
                size.put("solr JVM heap used after the queries and a full GC, MB",
                        ShardProbe.heapUsedAfterGcMb(cluster.pid()));
            }
        }
        if (!growth.equals("none")) {
            out.put("in-process growth (1 thread)", ShardProbe.growth(growth, MEAN_WORDS, seconds));
        }
        out.put("loadAverageEnd", LibraryBench.load());
        BenchJson.write("solr", out);
    }

    /** Solr's shard cost at each size, one collection of one shard a size; writes target/bench/solr-shards.json. */
    private static void shards(String sizes, int seconds, String heap) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("arguments", List.of("shards", sizes, seconds, heap));
        out.put("loadAverageStart", LibraryBench.load());
        try (BenchCluster cluster = BenchCluster.start(2, heap)) {
            out.put("one shard", ShardProbe.solrGrowth(cluster, sizes, MEAN_WORDS, seconds));
            out.put("solr JVM heap used after a full GC, MB", ShardProbe.heapUsedAfterGcMb(cluster.pid()));
        }
        out.put("loadAverageEnd", LibraryBench.load());
        BenchJson.write("solr-shards", out);
    }

    /** Runs {@code ingest}, with the wall time, this JVM's and the Solr JVM's CPU, and the load around it. */
    private static Map<String, Object> timed(int paragraphs, long solrPid, Runnable ingest) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("loadAverageBefore", LibraryBench.load());
        try {
            long cpu = LibraryBench.cpuNanos();
            long solrTicks = WrkBench.cpuTicks(solrPid);
            long start = System.nanoTime();
            ingest.run();
            double wall = (System.nanoTime() - start) / 1e9;
            double benchCpu = (LibraryBench.cpuNanos() - cpu) / 1e9;
            double solrCpu = (WrkBench.cpuTicks(solrPid) - solrTicks) / 100.0; // USER_HZ
            row.put("wallSeconds", BenchJson.round(wall, 1));
            row.put("paragraphsPerSecond", Math.round(paragraphs / wall));
            row.put("benchJvmCpuSeconds", BenchJson.round(benchCpu, 1));
            row.put("solrJvmCpuSeconds", BenchJson.round(solrCpu, 1));
            row.put("paragraphsPerCpuSecond (both JVMs)", Math.round(paragraphs / (benchCpu + solrCpu)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.put("loadAverageAfter", LibraryBench.load());
        return row;
    }

    /** {@link ParagraphSearch#search} alone, top 5, from 8 then 64 threads; the two indexes take turns. */
    private static Map<String, Object> retrieval(List<String> questions, ParagraphSearch lucene, ParagraphSearch solr,
                                                 int seconds) throws InterruptedException {
        Map<String, ParagraphSearch> sides = Map.of("in-process", lucene, "solr", solr);
        for (ParagraphSearch side : List.of(lucene, solr)) {
            ConcurrentCalls.measure(questions, 8, seconds / 3.0, q -> side.search(q, 5)); // warm-up
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        for (int threads : new int[] {8, 64}) {
            for (String name : List.of("in-process", "solr")) {
                ConcurrentCalls.Figures f = ConcurrentCalls.measure(questions, threads, seconds,
                        q -> sides.get(name).search(q, 5));
                rows.put(name + ", " + threads + " threads", f);
                System.out.println("retrieval " + name + ": " + f);
            }
        }
        return rows;
    }

    /**
     * Asks over HTTP: one server per index in this JVM, each with its own embedding cache, every question
     * asked once and then wrk at 64 connections as a warm-up; then, at 8 and at 64, health, the in-process index's asks and Solr's, back to back.
     */
    private static Map<String, Object> http(Document document, List<String> questions, ParagraphSearch lucene,
                                            ParagraphSearch solr, int seconds, long solrPid) throws Exception {
        String script = WrkBench.script(questions.stream().map(q -> WrkBench.body(q, false)).toList(), false);
        long pid = ProcessHandle.current().pid();
        Map<String, Object> rows = new LinkedHashMap<>();
        Assistant luceneAssistant = assistant(document, lucene);
        Assistant solrAssistant = assistant(document, solr);
        // every question asked once first: its paragraphs' sentences are then in the embedding cache, as they
        // are for a server that has met its users' questions; wrk's warm-up is for the JIT
        for (Assistant assistant : List.of(luceneAssistant, solrAssistant)) {
            long start = System.nanoTime();
            questions.forEach(q -> assistant.ask(Question.of(q)));
            rows.put("first pass over the questions, seconds, " + (assistant == luceneAssistant ? "in-process" : "solr"),
                    BenchJson.round((System.nanoTime() - start) / 1e9, 1));
        }
        try (Server inProcess = Server.start(luceneAssistant, "127.0.0.1", 0, ServerSettings.open());
             Server onSolr = Server.start(solrAssistant, "127.0.0.1", 0, ServerSettings.open())) {
            String a = "http://127.0.0.1:" + inProcess.port() + "/api/ask";
            String b = "http://127.0.0.1:" + onSolr.port() + "/api/ask";
            WrkBench.wrk(a, script, 64, Math.max(10, seconds / 3), pid);
            WrkBench.wrk(b, script, 64, Math.max(10, seconds / 3), pid);
            for (int connections : new int[] {8, 64}) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("GET /api/health", WrkBench.wrk("http://127.0.0.1:" + inProcess.port() + "/api/health", null,
                        connections, seconds, pid));
                row.put("ask, in-process", WrkBench.wrk(a, script, connections, seconds, pid));
                long ticks = WrkBench.cpuTicks(solrPid);
                WrkBench.Run run = WrkBench.wrk(b, script, connections, seconds, pid);
                row.put("ask, solr", run);
                row.put("ask, solr: Solr JVM CPU µs per ask",
                        BenchJson.round((WrkBench.cpuTicks(solrPid) - ticks) * 1e4 / Math.max(1, run.requests()), 1));
                row.put("loadAverageAfter", LibraryBench.load());
                print(connections + " connections", row);
                rows.put(connections + " connections", row);
            }
        }
        return rows;
    }

    /** The assistant {@code serve --retrieval bm25} builds over {@code search}: the extractive model, the support check. */
    private static Assistant assistant(Document document, ParagraphSearch search) {
        Embedder embedder = new CachingEmbedder(OnnxEmbedder.shared(), 50_000);
        return new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms(), embedder),
                new Support(embedder, SupportSettings.DEFAULT));
    }

    static void print(String what, Map<String, Object> figures) {
        System.out.println(what + ": " + figures);
    }
}
