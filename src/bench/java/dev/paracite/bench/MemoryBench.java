package dev.paracite.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory of the server under sustained load: the README's command (target/paracite serve, or
 * the server command given), 64 connections of wrk asking the dev set's questions in turn for five
 * minutes (or the seconds given), resident memory read from /proc every ten seconds. Writes
 * target/bench/memory.json. Arguments: [seconds, default 300] [server command, default target/paracite]
 * [retrieval, default hybrid].
 */
public final class MemoryBench {

    private MemoryBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String server = args.length > 1 ? args[1] : "target/paracite";
        String retrieval = args.length > 2 ? args[2] : "hybrid";
        String script = WrkBench.devScript();
        try (ServedJar jar = ServedJar.start(Map.of("PARACITE_RETRIEVAL", retrieval), server)) {
            double afterStart = jar.residentMb();
            Process wrk = new ProcessBuilder("wrk", "-t1", "-c64", "-d" + seconds + "s", "--latency", "-s", script,
                    "http://127.0.0.1:" + jar.port + "/api/ask").redirectErrorStream(true).start();
            List<Double> samples = new ArrayList<>();
            while (!wrk.waitFor(10, TimeUnit.SECONDS)) {
                samples.add(BenchJson.round(jar.residentMb(), 1));
                System.out.println("resident MB: " + samples.get(samples.size() - 1));
            }
            String out = new String(wrk.getInputStream().readAllBytes());
            System.out.println(out);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("command", server + " serve (PARACITE_RETRIEVAL=" + retrieval + ")");
            result.put("seconds", seconds);
            result.put("residentMbAfterStart", BenchJson.round(afterStart, 1));
            result.put("residentMbEvery10s", samples);
            result.put("residentMbMax", samples.stream().mapToDouble(Double::doubleValue).max().orElse(-1));
            result.put("residentMbEnd", BenchJson.round(jar.residentMb(), 1));
            result.put("wrk", out);
            result.put("targetMb", 300);
            System.out.println("max " + result.get("residentMbMax") + " MB, end " + result.get("residentMbEnd") + " MB");
            BenchJson.write("memory", result);
        }
    }
}
