package dev.paracite.bench;

import dev.paracite.embedding.Embedder;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The product's retrieval call ({@link Retriever#retrieve}, question analysis included) over each case's
 * document, timed as src/bench/node/bm25-peer/peer.mjs times its peer: warm-up passes over every question,
 * then measured passes, one call at a time on this thread. Queries per second are taken over the measured
 * passes' wall time and, as the machine is shared, over the process's CPU time as well.
 */
final class TimedRetrieval implements AutoCloseable {

    /**
     * A side's figures: throughput and latency of the timed calls, the machine's 1-minute load average as
     * they began, then quality from one k=10 pass.
     */
    record Figures(double buildMillis, int warmupQueries, int measuredQueries, double queriesPerSecond,
                   double queriesPerCpuSecond, double loadAverage, double p50Millis, double p99Millis,
                   double recall5, double mrr10) {}

    private record Asked(Retriever retriever, EvalQuestion question) {}

    private final List<LuceneParagraphSearch> searches = new ArrayList<>();
    private final List<Asked> asked = new ArrayList<>();
    private final double buildMillis;

    /** One index per case's document; {@code embedder} null for BM25 alone. */
    TimedRetrieval(List<EvalCase> cases, RetrievalSettings settings, Embedder embedder) {
        long start = System.nanoTime();
        for (EvalCase c : cases) {
            LuceneParagraphSearch search = LuceneParagraphSearch.build(c.document(), settings, embedder);
            searches.add(search);
            Retriever retriever = new Retriever(c.document(), search);
            c.questions().forEach(q -> asked.add(new Asked(retriever, q)));
        }
        buildMillis = (System.nanoTime() - start) / 1e6;
    }

    Figures measure(double warmupSeconds, double measureSeconds, int k) {
        int warmup = passes(warmupSeconds, k, new ArrayList<>());
        List<Long> nanos = new ArrayList<>();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        passes(measureSeconds, k, nanos);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        nanos.sort(null);
        double recall5 = 0;
        double mrr10 = 0;
        for (Asked a : asked) {
            int rank = RetrievalTuning.firstGold(a.retriever().retrieve(a.question().question(), 10).hits(), a.question().gold());
            recall5 += rank >= 1 && rank <= 5 ? 1 : 0;
            mrr10 += rank >= 1 ? 1.0 / rank : 0;
        }
        return new Figures(buildMillis, warmup, nanos.size(), nanos.size() / wallSeconds, nanos.size() / cpuSeconds, load,
                BenchJson.percentileMillis(nanos, 0.50), BenchJson.percentileMillis(nanos, 0.99),
                recall5 / asked.size(), mrr10 / asked.size());
    }

    /** Passes over every question, at least one, until {@code seconds} have gone; returns the calls made. */
    private int passes(double seconds, int k, List<Long> nanos) {
        long start = System.nanoTime();
        int calls = 0;
        int blackhole = 0;
        do {
            for (Asked a : asked) {
                long t = System.nanoTime();
                blackhole += a.retriever().retrieve(a.question().question(), k).hits().size();
                nanos.add(System.nanoTime() - t);
                calls++;
            }
        } while (System.nanoTime() - start < seconds * 1e9);
        if (blackhole < 0) {
            throw new AssertionError(); // keeps the calls' results observable to the JIT
        }
        return calls;
    }

    /** CPU time of the whole JVM (every thread: the JIT and the collector too, as on the peer's side). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @Override
    public void close() {
        searches.forEach(LuceneParagraphSearch::close);
    }
}
