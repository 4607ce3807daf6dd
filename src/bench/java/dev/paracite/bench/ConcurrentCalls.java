package dev.paracite.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One call made from N threads at once for a while, each thread taking the questions in turn from its
 * own starting point: throughput, latency percentiles and failures, with the load average as it began.
 */
final class ConcurrentCalls {

    record Figures(int threads, long calls, long errors, double perSecond, double p50Millis, double p99Millis,
                   double loadAverage) {}

    private ConcurrentCalls() {}

    static Figures measure(List<String> questions, int threads, double seconds, Consumer<String> call)
            throws InterruptedException {
        double load = LibraryBench.load();
        AtomicLong errors = new AtomicLong();
        List<List<Long>> nanos = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            nanos.add(mine);
            int first = t * questions.size() / threads;
            Thread worker = new Thread(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    long s = System.nanoTime();
                    try {
                        call.accept(questions.get(i % questions.size()));
                        mine.add(System.nanoTime() - s);
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        nanos.forEach(all::addAll);
        all.sort(null);
        if (all.isEmpty()) {
            return new Figures(threads, 0, errors.get(), 0, Double.NaN, Double.NaN, load);
        }
        return new Figures(threads, all.size(), errors.get(), BenchJson.round(all.size() / wall, 1),
                BenchJson.round(BenchJson.percentileMillis(all, 0.50), 3), BenchJson.round(BenchJson.percentileMillis(all, 0.99), 3),
                load);
    }
}
