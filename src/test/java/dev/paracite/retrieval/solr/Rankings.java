package dev.paracite.retrieval.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.retrieval.Hit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** What the Solr integration tests compare: rankings as labels with scores, and rankings kept while a node stops. */
final class Rankings {

    private Rankings() {}

    /** Labels in order with their scores as floats: what "the same ranking" means here. */
    static List<String> scored(List<Hit> hits) {
        return hits.stream().map(h -> h.label() + "=" + (float) h.score()).toList();
    }

    /**
     * Asks {@code questions} in turn on a thread while node 0 of {@code cloud} stops (node 0 is the first URL a
     * client tries: its loss needs the client's failover and the other replicas): every ranking {@code solr}
     * gives must equal {@code expected}'s, and answers must go on after the stop. Node 0 is started again.
     */
    static void keptWhileANodeStops(LocalSolrCloud cloud, String test, List<String> questions,
                                    Function<String, List<Hit>> solr, Function<String, List<String>> expected)
            throws Exception {
        try {
            AtomicInteger answered = new AtomicInteger();
            List<String> lost = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread load = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String question = questions.get(i % questions.size());
                    try {
                        if (scored(solr.apply(question)).equals(expected.apply(question))) {
                            answered.incrementAndGet();
                        } else {
                            lost.add(question + ": different hits");
                        }
                    } catch (RuntimeException e) {
                        lost.add(question + ": " + e);
                    }
                }
            });
            load.start();
            Thread.sleep(1_000);
            int before = answered.get();
            cloud.stopNode(0);
            Thread.sleep(3_000);
            running.set(false);
            load.join(30_000);
            System.out.printf("%s: node 0 stopped mid-load: %d answers before, %d in all, %d lost%n", test, before,
                    answered.get(), lost.size());
            assertEquals(List.of(), lost);
            assertTrue(answered.get() > before, "answers after the node stopped");
        } finally {
            cloud.startNode(0);
        }
    }
}
