package dev.paracite.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from {@code java -jar JAR serve} (or {@code LAUNCHER serve}) to the first answered question, and
 * resident memory once it has answered, over five cold starts of each jar or launcher given (default
 * the README's launcher target/paracite and the bare jar; the runs alternate between them). Writes
 * target/bench/startup.json.
 */
public final class StartupBench {

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        List<String> jars = args.length == 0 ? List.of("target/paracite", "target/paracite.jar") : List.of(args);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        for (int run = 0; run < 5; run++) {
            for (String path : jars) {
                try (ServedJar jar = ServedJar.start(Map.of(), path)) {
                    HttpResponse<String> r = jar.ask("What role should the ruble play?");
                    double s = (System.nanoTime() - jar.startNanos) / 1e9;
                    if (r.statusCode() != 200 || !r.body().contains("[8]")) {
                        throw new IllegalStateException("unexpected answer: " + r.body());
                    }
                    seconds.computeIfAbsent(path, k -> new ArrayList<>()).add(BenchJson.round(s, 3));
                    rss.computeIfAbsent(path, k -> new ArrayList<>()).add(BenchJson.round(jar.residentMb(), 1));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String path : jars) {
            List<Double> sorted = new ArrayList<>(seconds.get(path));
            Collections.sort(sorted);
            System.out.println(path + ": start to first answer (s): " + seconds.get(path) + ", median " + sorted.get(2)
                    + "; resident MB after it: " + rss.get(path));
            result.put(path, Map.of("startToFirstAnswerSeconds", seconds.get(path), "medianSeconds", sorted.get(2),
                    "residentMbAfterFirstAnswer", rss.get(path)));
        }
        result.put("targets", Map.of("seconds", 1.5, "residentMb", 300));
        BenchJson.write("startup", result);
    }
}
