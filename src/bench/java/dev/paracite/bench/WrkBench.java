package dev.paracite.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server measured from outside: wrk (Debian's, native, one thread) drives a bare Javalin
 * hello-world, {@code GET /api/health} and {@code POST /api/ask} with BM25 and with hybrid retrieval,
 * each at 8 and 64 connections, after a warm-up, all in one run. Reports requests per second, p50 and
 * p99 latency, and the server's CPU time per request (from /proc), and the ratios to hello-world and
 * health that the noisy machine cannot fake. Writes target/bench/wrk.json. Arguments: [seconds per
 * measurement, default 10].
 */
public final class WrkBench {

    private static final String QUESTION = "What role should the ruble play?";
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private WrkBench() {}

    /** One wrk measurement. */
    record Run(double requestsPerSecond, double p50Millis, double p99Millis, long requests, double cpuMicrosPerRequest,
               long non2xx) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path post = Files.createTempFile("wrk-ask", ".lua");
        Files.writeString(post, "wrk.method = \"POST\"\nwrk.body = '{\"question\": \"" + QUESTION + "\"}'\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        Map<String, Object> results = new LinkedHashMap<>();
        Process hello = startHello();
        try (ServedJar bm25 = ServedJar.start(Map.of("PARACITE_RETRIEVAL", "bm25"));
             ServedJar hybrid = ServedJar.start(Map.of())) {
            int helloPort = helloPort(hello);
            String[][] targets = {
                {"hello-world", "http://127.0.0.1:" + helloPort + "/", null, Long.toString(hello.pid())},
                {"GET /api/health", "http://127.0.0.1:" + bm25.port + "/api/health", null, Long.toString(bm25.process.pid())},
                {"POST /api/ask (bm25)", "http://127.0.0.1:" + bm25.port + "/api/ask", post.toString(), Long.toString(bm25.process.pid())},
                {"POST /api/ask (hybrid)", "http://127.0.0.1:" + hybrid.port + "/api/ask", post.toString(),
                        Long.toString(hybrid.process.pid())}};
            for (String[] t : targets) {
                // warm the JIT and the caches first: start-up is measured elsewhere
                wrk(t[1], t[2], 64, 5, Long.parseLong(t[3]));
                Map<String, Object> row = new LinkedHashMap<>();
                for (int connections : new int[] {8, 64}) {
                    Run run = wrk(t[1], t[2], connections, seconds, Long.parseLong(t[3]));
                    row.put(connections + " connections", run);
                    System.out.printf("%-24s %2d conn: %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  cpu %6.0f µs/req  non-2xx %d%n",
                            t[0], connections, run.requestsPerSecond(), run.p50Millis(), run.p99Millis(),
                            run.cpuMicrosPerRequest(), run.non2xx());
                }
                results.put(t[0], row);
            }
            results.put("bytes per ask response", bm25.ask(QUESTION).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        } finally {
            hello.destroyForcibly();
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String connections : List.of("8 connections", "64 connections")) {
            double helloRps = rps(results, "hello-world", connections);
            double health = rps(results, "GET /api/health", connections);
            ratios.put("health / hello, " + connections, BenchJson.round(health / helloRps, 3));
            ratios.put("ask bm25 / health, " + connections, BenchJson.round(rps(results, "POST /api/ask (bm25)", connections) / health, 3));
            ratios.put("ask hybrid / health, " + connections, BenchJson.round(rps(results, "POST /api/ask (hybrid)", connections) / health, 3));
        }
        results.put("ratios", ratios);
        System.out.println(ratios);
        BenchJson.write("wrk", results);
    }

    @SuppressWarnings("unchecked")
    private static double rps(Map<String, Object> results, String target, String connections) {
        return ((Run) ((Map<String, Object>) results.get(target)).get(connections)).requestsPerSecond();
    }

    private static Process startHello() throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HelloServer.class.getName()).redirectErrorStream(true).start();
    }

    private static int helloPort(Process hello) throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(hello.getInputStream()));
        Pattern address = Pattern.compile("hello at http://127\\.0\\.0\\.1:(\\d+)/");
        for (String line; (line = reader.readLine()) != null; ) {
            Matcher m = address.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the hello-world server did not start");
    }

    /** Runs wrk (one thread) against {@code url}; the server process's CPU time is read before and after. */
    private static Run wrk(String url, String script, int connections, int seconds, long pid) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script));
        }
        command.add(url);
        long cpuBefore = cpuTicks(pid);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        long cpuAfter = cpuTicks(pid);
        long requests = Long.parseLong(find(out, "(\\d+) requests in"));
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)"));
        String non2xx = findOr(out, "Non-2xx or 3xx responses: (\\d+)", "0");
        double cpuMicros = (cpuAfter - cpuBefore) * 1e6 / TICKS_PER_SECOND / Math.max(1, requests);
        return new Run(BenchJson.round(rps, 1), millis(find(out, "50%\\s+([\\d.]+\\w+)")),
                millis(find(out, "99%\\s+([\\d.]+\\w+)")), requests, BenchJson.round(cpuMicros, 1), Long.parseLong(non2xx));
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static double millis(String value) {
        Matcher m = Pattern.compile("([\\d.]+)(us|ms|s)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(value);
        }
        double v = Double.parseDouble(m.group(1));
        return BenchJson.round(switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            default -> v * 1000;
        }, 3);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output: " + text);
        }
        return m.group(1);
    }

    private static String findOr(String text, String regex, String otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : otherwise;
    }
}
