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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What showing only checked statements costs a reader: the time from a stream request to its first
 * delta and to its done event, with the extractive model and with a model streaming a three-sentence
 * answer as 30 pieces over 600 ms (WireMock dribbling the body), for two builds in the same run,
 * alternating (default: the jar before the grounding change, /work/before/paracite.jar, then
 * target/paracite.jar). Writes target/bench/stream.json. Arguments: [jar A] [jar B].
 */
public final class StreamLatency {

    static final String ANSWER = "The ruble should become a reserve currency [8]. Exchange rates should be formed in "
            + "accordance with demand and supply [8]. National currencies should become mutually convertible [8].";

    private StreamLatency() {}

    public static void main(String[] args) throws Exception {
        List<String> jars = List.of(args.length > 0 ? args[0] : "/work/before/paracite.jar",
                args.length > 1 ? args[1] : "target/paracite.jar");
        WireMockServer wire = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
        wire.start();
        String[] pieces = ANSWER.split("(?<= )");
        wire.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "text/event-stream").withBody(Fakes.openAiStream(pieces))
                .withChunkedDribbleDelay(pieces.length, 600)));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            for (String jar : jars) {
                Map<String, Object> row = new LinkedHashMap<>();
                try (ServedJar served = ServedJar.start(Map.of(), jar)) {
                    row.put("extractive", measure(served.port, 220, 20));
                }
                try (ServedJar served = ServedJar.start(Map.of("PARACITE_MODEL", "openai", "PARACITE_BASE_URL",
                        wire.baseUrl() + "/v1", "PARACITE_API_KEY", "k", "PARACITE_MAX_RETRIES", "0"), jar)) {
                    row.put("streamedModel", measure(served.port, 40, 5));
                }
                System.out.println(jar + ": " + row);
                out.put(jar, row);
            }
        } finally {
            wire.stop();
        }
        BenchJson.write("stream", out);
    }

    /** First delta and done, p50 and p99 in ms, over {@code n} requests after {@code warm} unmeasured ones. */
    static Map<String, Object> measure(int port, int n, int warm) throws Exception {
        List<Long> first = new ArrayList<>();
        List<Long> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = ServedJar.CLIENT.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/ask/stream")).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"What role should the ruble play?\"}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long firstAt = -1;
            try (InputStream in = r.body()) {
                StringBuilder seen = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    seen.append((char) b);
                    if (firstAt < 0 && seen.indexOf("event: delta") >= 0) {
                        firstAt = System.nanoTime() - t0;
                    }
                }
            }
            if (i >= warm) {
                first.add(firstAt);
                done.add(System.nanoTime() - t0);
            }
        }
        Collections.sort(first);
        Collections.sort(done);
        return Map.of("firstDeltaP50Ms", BenchJson.round(BenchJson.percentileMillis(first, 0.5), 1),
                "firstDeltaP99Ms", BenchJson.round(BenchJson.percentileMillis(first, 0.99), 1),
                "doneP50Ms", BenchJson.round(BenchJson.percentileMillis(done, 0.5), 1), "samples", first.size());
    }
}
