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
 * health that the noisy machine cannot fake, and bytes per response (headers included). Asks come as
 * one question repeated (which flatters the caches) and as the dev set's questions in turn. Paracite runs
 * as the README runs it (target/paracite). Writes target/bench/wrk.json. Arguments: [seconds per
 * measurement, default 10] [server command, default target/paracite].
 */
public final class WrkBench {

    private static final String QUESTION = "What role should the ruble play?";
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private WrkBench() {}

    /** One wrk measurement. */
    record Run(double requestsPerSecond, double p50Millis, double p99Millis, long requests, double cpuMicrosPerRequest,
               long bytesPerResponse, long non2xx, long socketErrors) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String server = args.length > 1 ? args[1] : "target/paracite";
        List<String> questions = devQuestions();
        String one = script(List.of(body(QUESTION, false)), false);
        String dev = script(questions.stream().map(q -> body(q, false)).toList(), false);
        String lean = script(questions.stream().map(q -> body(q, true)).toList(), false);
        String stream = script(questions.stream().map(q -> body(q, false)).toList(), true);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("server command", server + " serve");
        results.put("questions", "one: \"" + QUESTION + "\"; dev: the " + questions.size() + " questions of eval/dev.jsonl in turn");
        Process hello = startHello();
        try (ServedJar bm25 = ServedJar.start(Map.of("PARACITE_RETRIEVAL", "bm25"), server);
             ServedJar hybrid = ServedJar.start(Map.of(), server)) {
            int helloPort = helloPort(hello);
            String b = "http://127.0.0.1:" + bm25.port;
            String h = "http://127.0.0.1:" + hybrid.port;
            String[][] targets = {
                {"hello-world", "http://127.0.0.1:" + helloPort + "/", null, Long.toString(hello.pid())},
                {"GET /api/health", b + "/api/health", null, Long.toString(bm25.process.pid())},
                {"POST /api/ask (bm25, one question)", b + "/api/ask", one, Long.toString(bm25.process.pid())},
                {"POST /api/ask (bm25, dev questions)", b + "/api/ask", dev, Long.toString(bm25.process.pid())},
                {"POST /api/ask (bm25, dev questions, include [])", b + "/api/ask", lean, Long.toString(bm25.process.pid())},
                {"POST /api/ask/stream (bm25, dev questions)", b + "/api/ask/stream", stream, Long.toString(bm25.process.pid())},
                {"POST /api/ask (hybrid, one question)", h + "/api/ask", one, Long.toString(hybrid.process.pid())},
                {"POST /api/ask (hybrid, dev questions)", h + "/api/ask", dev, Long.toString(hybrid.process.pid())}};
            for (String[] t : targets) {
                // warm the JIT and the caches first: start-up is measured elsewhere
                wrk(t[1], t[2], 64, 5, Long.parseLong(t[3]));
                Map<String, Object> row = new LinkedHashMap<>();
                for (int connections : new int[] {8, 64}) {
                    Run run = wrk(t[1], t[2], connections, seconds, Long.parseLong(t[3]));
                    row.put(connections + " connections", run);
                    System.out.printf("%-48s %2d conn: %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  cpu %6.0f µs/req  %5d B/resp  non-2xx %d%n",
                            t[0], connections, run.requestsPerSecond(), run.p50Millis(), run.p99Millis(),
                            run.cpuMicrosPerRequest(), run.bytesPerResponse(), run.non2xx());
                }
                results.put(t[0], row);
            }
            results.put("resident MB after the run", Map.of("bm25", BenchJson.round(bm25.residentMb(), 1),
                    "hybrid", BenchJson.round(hybrid.residentMb(), 1)));
        } finally {
            hello.destroyForcibly();
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String connections : List.of("8 connections", "64 connections")) {
            double helloRps = rps(results, "hello-world", connections);
            double health = rps(results, "GET /api/health", connections);
            ratios.put("health / hello, " + connections, BenchJson.round(health / helloRps, 3));
            for (String t : results.keySet().stream().filter(k -> k.startsWith("POST")).toList()) {
                ratios.put(t + " / health, " + connections, BenchJson.round(rps(results, t, connections) / health, 3));
            }
        }
        results.put("ratios", ratios);
        ratios.forEach((k, v) -> System.out.println(k + ": " + v));
        BenchJson.write("wrk", results);
    }

    /** A wrk script asking the dev set's questions in turn; its path. */
    static String devScript() throws IOException {
        return script(devQuestions().stream().map(q -> body(q, false)).toList(), false);
    }

    private static List<String> devQuestions() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/dev.jsonl"))) {
            if (!line.isBlank()) {
                out.add(MAPPER.readTree(line).get("question").asText());
            }
        }
        return out;
    }

    /** A request asking {@code question}; with {@code leaveOut}, for none of the optional parts ({@code "include": []}). */
    static String body(String question, boolean leaveOut) {
        var node = MAPPER.createObjectNode().put("question", question);
        if (leaveOut) {
            node.set("include", MAPPER.createArrayNode());
        }
        return node.toString();
    }

    /** A wrk script that posts {@code bodies} in turn (as event streams when {@code stream}); its path. */
    static String script(List<String> bodies, boolean stream) throws IOException {
        StringBuilder lua = new StringBuilder("bodies = {\n");
        for (String body : bodies) {
            lua.append("  [==[").append(body).append("]==],\n");
        }
        lua.append("}\ni = 0\nheaders = { [\"Content-Type\"] = \"application/json\"")
                .append(stream ? ", [\"Accept\"] = \"text/event-stream\"" : "").append(" }\n")
                .append("request = function()\n  i = i % #bodies + 1\n  return wrk.format(\"POST\", nil, headers, bodies[i])\nend\n");
        Path file = Files.createTempFile("wrk-ask", ".lua");
        Files.writeString(file, lua);
        return file.toString();
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
    static Run wrk(String url, String script, int connections, int seconds, long pid) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s")); // wrk's default 2 s would count a slow answer as an error, not as latency
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
        long socketErrors = 0;
        Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(errors.group(g));
            }
        }
        double cpuMicros = (cpuAfter - cpuBefore) * 1e6 / TICKS_PER_SECOND / Math.max(1, requests);
        long bytes = Math.round(bytes(find(out, "requests in [\\d.]+\\w+, ([\\d.]+\\w+) read")) / Math.max(1, requests));
        return new Run(BenchJson.round(rps, 1), millis(find(out, "50%\\s+([\\d.]+\\w+)")),
                millis(find(out, "99%\\s+([\\d.]+\\w+)")), requests, BenchJson.round(cpuMicros, 1), bytes, Long.parseLong(non2xx), socketErrors);
    }

    /** wrk's "12.34MB" as bytes (wrk counts in units of 1024); headers included. */
    private static double bytes(String value) {
        Matcher m = Pattern.compile("([\\d.]+)(B|KB|MB|GB)").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(value);
        }
        int power = List.of("B", "KB", "MB", "GB").indexOf(m.group(2));
        return Double.parseDouble(m.group(1)) * Math.pow(1024, power);
    }

    static long cpuTicks(long pid) throws IOException {
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
