package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The chaos run: the packaged server against a model that answers, hangs, fails, rate-limits and cuts
 * its streams at random, while 64 clients ask, stream and leave at random; then SIGTERM. Loopback only,
 * bounded in time: {@code -Dparacite.chaos.seconds} (10 in CI; the full form is 60, see bench/README.md).
 * No request may hang, no answering place may be left taken, the heap must come back, and the process
 * must stop cleanly.
 */
class ChaosIT {

    static final int CLIENTS = 64;
    static final int SECONDS = Integer.getInteger("paracite.chaos.seconds", 10);
    /** The server's promise for any answer: --answer-timeout (5 s here) + 1 s; a client waits 8 s before calling it hung. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    static final Duration HUNG = Duration.ofSeconds(8);
    static final String RUBLE = "{\"question\": \"What role should the ruble play?\"}";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void chaos_leaves_no_hung_request_no_taken_place_and_a_clean_stop() throws Exception {
        try (ChaosModel model = new ChaosModel(20261202L)) {
            Map<String, String> env = Map.of("PARACITE_MODEL", "openai", "PARACITE_BASE_URL", model.baseUrl(),
                    "PARACITE_API_KEY", "k", "PARACITE_TIMEOUT", "2", "PARACITE_MAX_RETRIES", "2",
                    "PARACITE_ANSWER_TIMEOUT", Long.toString(ANSWER_TIMEOUT.toSeconds()), "PARACITE_DRAIN_TIMEOUT", "3");
            LoadIT.Served s = LoadIT.serve(env, "--max-answering-per-client", "1000");
            try {
                long heapBefore = LoadIT.heapAfterGc(s.process());
                Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
                ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            outcomes.computeIfAbsent(once(s.port()), k -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : clients) {
                    f.get(SECONDS + 60, TimeUnit.SECONDS);
                }
                pool.shutdown();
                int answering = answering(s.port());
                for (int i = 0; i < 100 && answering > 0; i++) {
                    Thread.sleep(100);
                    answering = answering(s.port());
                }
                long heapAfter = LoadIT.heapAfterGc(s.process());
                long t0 = System.nanoTime();
                s.process().destroy();
                boolean exited = s.process().waitFor(20, TimeUnit.SECONDS);
                double stopSeconds = (System.nanoTime() - t0) / 1e9;
                String log = Files.readString(s.log());
                long traces = log.lines().filter(l -> l.startsWith("\tat ")).count();
                Map<String, Integer> report = new TreeMap<>();
                outcomes.forEach((k, v) -> report.put(k, v.get()));
                System.out.printf("chaos: %d clients x %d s; model %s; outcomes %s; hung %d; places still taken %d; "
                                + "heap after full GC %.1f MB before, %.1f MB after (x%.2f); SIGTERM: exit %s in %.2f s; "
                                + "stack trace lines in the log %d%n", CLIENTS, SECONDS, model.served(), report,
                        report.getOrDefault("hung", 0), answering, heapBefore / 1e6, heapAfter / 1e6,
                        heapAfter / (double) heapBefore, exited ? Integer.toString(s.process().exitValue()) : "none",
                        stopSeconds, traces);
                assertEquals(0, report.getOrDefault("hung", 0), report.toString());
                assertEquals(0, report.getOrDefault("unexpected", 0), report.toString());
                assertEquals(0, answering, "answering places still taken after the clients stopped");
                assertTrue(report.getOrDefault("answered", 0) > 0, report.toString());
                assertTrue(heapAfter <= 1.5 * heapBefore + 20e6, "heap grew from " + heapBefore + " to " + heapAfter);
                assertTrue(exited, "did not exit within 20 s of SIGTERM");
                assertEquals(0, s.process().exitValue(), "nothing was in flight: a clean stop");
                assertEquals(0, traces, "stack traces in the server log");
            } finally {
                s.process().destroyForcibly();
            }
        }
    }

    private int answering(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(r.body()).get("answering").asInt();
    }

    /** One client action, chosen at random; its outcome's name. */
    private String once(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean stream = random.nextBoolean();
        String path = stream ? "/api/ask/stream" : "/api/ask";
        if (random.nextInt(5) == 0) {
            return leave(port, path, stream, random.nextInt(1_500));
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(HUNG)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RUBLE));
        if (stream) {
            r.header("Accept", "text/event-stream");
        }
        try {
            HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
            return outcome(response, stream);
        } catch (HttpTimeoutException e) {
            return "hung";
        } catch (IOException e) {
            return "unexpected";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private String outcome(HttpResponse<String> r, boolean stream) throws IOException {
        if (stream && r.statusCode() == 200) {
            String body = r.body();
            int last = body.lastIndexOf("event: ");
            if (last < 0) {
                return "unexpected";
            }
            String event = body.substring(last + 7, body.indexOf('\n', last));
            String data = body.substring(body.indexOf("data:", last) + 5).strip();
            return event.equals("done") ? outcomeOf(json.readTree(data).get("outcome").asText())
                    : "stream error " + json.readTree(data).get("error").asText();
        }
        if (r.statusCode() == 200) {
            return outcomeOf(json.readTree(r.body()).get("outcome").asText());
        }
        return r.statusCode() + " " + json.readTree(r.body()).get("error").asText();
    }

    private static String outcomeOf(String outcome) {
        return outcome.equals("answered") ? "answered" : "answer: " + outcome;
    }

    /** Sends the request and leaves after {@code millis}, without reading the answer. */
    private static String leave(int port, String path, boolean stream, int millis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            RawHttp.postJson(socket, path, stream ? "text/event-stream" : "", "", RUBLE);
            Thread.sleep(millis);
            return "left";
        } catch (IOException e) {
            return "unexpected";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
