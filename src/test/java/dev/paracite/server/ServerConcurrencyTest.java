package dev.paracite.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.EvalSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** 50 asks at once, each answered as it is when asked alone. Latency is printed, not asserted. */
class ServerConcurrencyTest {

    @Test
    void fifty_concurrent_asks_are_all_answered_correctly() throws Exception {
        List<EvalQuestion> questions = EvalSet.load(Path.of("eval/dev.jsonl")).stream()
                .filter(q -> q.core() && q.answerable() && q.history().isEmpty()).limit(50).toList();
        List<EvalQuestion> fifty = new ArrayList<>();
        while (fifty.size() < 50) {
            fifty.add(questions.get(fifty.size() % questions.size()));
        }
        try (Server server = Server.start(Main.assistant(DocumentLoader.builtIn()), "127.0.0.1", 0, ServerSettings.open())) {
            Http http = new Http(server.port());
            long w0 = System.nanoTime();
            for (EvalQuestion q : questions) {
                http.postJson("/api/ask", Http.question(q.question()));
            }
            System.out.printf("warm-up: %d sequential asks in %.0f ms%n", questions.size(), (System.nanoTime() - w0) / 1e6);
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            List<String> wrong = Collections.synchronizedList(new ArrayList<>());
            for (EvalQuestion q : fifty) {
                results.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    Http.Reply r = http.postJson("/api/ask", Http.question(q.question()));
                    long micros = (System.nanoTime() - t0) / 1_000;
                    JsonNode json = r.json();
                    boolean citesGold = false;
                    for (JsonNode c : json.path("citations")) {
                        citesGold |= q.gold().contains(c.get("paragraph").asText());
                    }
                    if (r.status() != 200 || !citesGold) {
                        wrong.add(q.id() + " " + r.status() + " " + r.body());
                    }
                    return micros;
                }));
            }
            start.countDown();
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : results) {
                latencies.add(f.get());
            }
            pool.shutdown();
            assertEquals(List.of(), wrong);
            Collections.sort(latencies);
            System.out.printf("50 concurrent /api/ask: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencies.get(24) / 1000.0, latencies.get(48) / 1000.0, latencies.get(49) / 1000.0);
        }
    }
}
