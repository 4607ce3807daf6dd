package dev.paracite.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Time from {@code java -jar target/paracite.jar serve} to the first answered question, and resident
 * memory once it has answered, over five cold starts. Writes target/bench/startup.json.
 */
public final class StartupBench {

    private StartupBench() {}

    public static void main(String[] args) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            try (ServedJar jar = ServedJar.start(Map.of())) {
                HttpResponse<String> r = jar.ask("What role should the ruble play?");
                double s = (System.nanoTime() - jar.startNanos) / 1e9;
                if (r.statusCode() != 200 || !r.body().contains("[8]")) {
                    throw new IllegalStateException("unexpected answer: " + r.body());
                }
                seconds.add(BenchJson.round(s, 3));
                rss.add(BenchJson.round(jar.residentMb(), 1));
            }
        }
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        System.out.println("start to first answer (s): " + seconds + "; resident MB after it: " + rss);
        BenchJson.write("startup", Map.of("startToFirstAnswerSeconds", seconds, "medianSeconds", sorted.get(2),
                "residentMbAfterFirstAnswer", rss, "targets", Map.of("seconds", 1.5, "residentMb", 300)));
    }
}
