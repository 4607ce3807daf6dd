package dev.paracite.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paracite.provider.Fakes;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The HTTP server measured from outside on loopback, bounded in time: /api/ask next to /api/health on
 * the same server in the same run (their ratio is what the pipeline costs), the stream's time to its
 * first delta, and what the server adds on top of a model that answers in a fixed 200 ms. Writes
 * target/bench/http.json.
 */
public final class HttpBench {

    static final int CLIENTS = 8;
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    static final String RUBLE = "What role should the ruble play?";

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        try (ServedJar jar = ServedJar.start(Map.of())) {
            for (int i = 0; i < 500; i++) {
                jar.get("/api/health");
                jar.ask(RUBLE);
            }
            Map<String, Object> health = hammer(() -> jar.get("/api/health"));
            Map<String, Object> ask = hammer(() -> jar.ask(RUBLE));
            out.put("health", health);
            out.put("ask", ask);
            out.put("askToHealthThroughputRatio", BenchJson.round((double) ask.get("perSecond") / (double) health.get("perSecond"), 3));
            out.put("streamFirstDelta", firstDelta(jar.port));
        }
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(50));
        wire.start();
        try {
            wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(200)
                    .withHeader("Content-Type", "application/json").withBody(Fakes.openAiReply("A reserve currency [8]."))));
            try (ServedJar jar = ServedJar.start(Map.of("PARACITE_MODEL", "openai", "PARACITE_BASE_URL",
                    wire.baseUrl() + "/v1", "PARACITE_API_KEY", "k", "PARACITE_MAX_RETRIES", "0"))) {
                for (int i = 0; i < 20; i++) {
                    jar.ask(RUBLE);
                }
                List<Long> samples = new ArrayList<>();
                List<Long> overheads = new ArrayList<>();
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (int i = 0; i < 100; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = jar.ask(RUBLE);
                    long took = System.nanoTime() - t0;
                    samples.add(took);
                    double modelMs = json.readTree(r.body()).path("timings").path("modelMs").asDouble();
                    overheads.add(took - Math.round(modelMs * 1e6));
                }
                Collections.sort(samples);
                Collections.sort(overheads);
                double p50 = BenchJson.percentileMillis(samples, 0.5);
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("askP50Ms", BenchJson.round(p50, 2));
                model.put("askP99Ms", BenchJson.round(BenchJson.percentileMillis(samples, 0.99), 2));
                model.put("latencyMinus200P50Ms", BenchJson.round(p50 - 200, 2));
                model.put("serverOverheadP50Ms", BenchJson.round(BenchJson.percentileMillis(overheads, 0.5), 2));
                model.put("serverOverheadP99Ms", BenchJson.round(BenchJson.percentileMillis(overheads, 0.99), 2));
                model.put("note", "overhead = client latency minus the model call as the server timed it (modelMs); "
                        + "latency minus 200 also counts WireMock's own handling and the hop to it");
                model.put("targetOverheadMs", 5);
                out.put("modelAt200ms", model);
            }
        } finally {
            wire.stop();
        }
        System.out.println(out);
        BenchJson.write("http", out);
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    static Map<String, Object> hammer(Call call) throws Exception {
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                int errors = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    errors += call.run().statusCode() == 200 ? 0 : 1;
                    samples.add(System.nanoTime() - t0);
                }
                return errors;
            }));
        }
        int errors = 0;
        for (Future<Integer> f : clients) {
            errors += f.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("clients", CLIENTS);
        r.put("seconds", SECONDS);
        r.put("requests", sorted.size());
        r.put("errors", errors);
        r.put("perSecond", BenchJson.round(sorted.size() / (double) SECONDS, 1));
        r.put("p50Ms", BenchJson.round(BenchJson.percentileMillis(sorted, 0.5), 3));
        r.put("p99Ms", BenchJson.round(BenchJson.percentileMillis(sorted, 0.99), 3));
        return r;
    }

    /** Milliseconds from sending a stream request to reading its first delta event. */
    static Map<String, Object> firstDelta(int port) throws Exception {
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = ServedJar.CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/ask/stream")).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + RUBLE + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                StringBuilder seen = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    seen.append((char) b);
                    if (seen.indexOf("event: delta") >= 0) {
                        break;
                    }
                }
                long took = System.nanoTime() - t0;
                if (i >= 20) {
                    samples.add(took);
                }
                in.readAllBytes();
            }
        }
        Collections.sort(samples);
        return Map.of("p50Ms", BenchJson.round(BenchJson.percentileMillis(samples, 0.5), 3),
                "p99Ms", BenchJson.round(BenchJson.percentileMillis(samples, 0.99), 3), "samples", samples.size());
    }
}
