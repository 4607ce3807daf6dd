package dev.paracite.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.eval.EvalCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * LangChain.js's BM25Retriever, run by node (src/bench/node/bm25-peer/peer.mjs, dependencies pinned in
 * its package-lock.json) over the same paragraphs and questions as the Java side: one retriever per
 * case's document, paragraph text as each LangChain Document's page content.
 */
final class LangChainPeer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    private LangChainPeer(Path dir) {
        this.dir = dir;
    }

    /** The peer in {@code dir}, with its dependencies installed from the lock file if they are missing. */
    static LangChainPeer install(Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            exec(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), 10);
        }
        return new LangChainPeer(dir);
    }

    /** Writes the input under target/bench/, runs the peer over it and returns what it measured. */
    Map<String, Object> run(String corpus, List<EvalCase> cases, double warmupSeconds, double measureSeconds, int k)
            throws IOException, InterruptedException {
        Path in = Files.createDirectories(Path.of("target/bench")).resolve("peer-input-" + corpus + ".json").toAbsolutePath();
        Path out = in.resolveSibling("peer-output-" + corpus + ".json");
        JSON.writeValue(in.toFile(), input(corpus, cases, warmupSeconds, measureSeconds, k));
        Files.deleteIfExists(out);
        exec(dir, List.of("node", "peer.mjs", in.toString(), out.toString()), 60);
        return JSON.readValue(out.toFile(), new TypeReference<>() {});
    }

    private static Map<String, Object> input(String corpus, List<EvalCase> cases, double warmupSeconds,
                                             double measureSeconds, int k) {
        List<Object> documents = new ArrayList<>();
        List<Object> questions = new ArrayList<>();
        for (int d = 0; d < cases.size(); d++) {
            EvalCase c = cases.get(d);
            documents.add(Map.of("name", c.document().name(), "paragraphs", c.document().paragraphs().stream()
                    .map(p -> Map.of("id", p.label(), "text", p.text())).toList()));
            for (var q : c.questions()) {
                questions.add(Map.of("id", q.id(), "document", d, "question", q.question(), "gold", q.gold()));
            }
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("corpus", corpus);
        input.put("k", k);
        input.put("warmupSeconds", warmupSeconds);
        input.put("measureSeconds", measureSeconds);
        input.put("documents", documents);
        input.put("questions", questions);
        return input;
    }

    private static void exec(Path dir, List<String> command, int timeoutMinutes) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
        // no LangSmith tracing or callbacks configured from outside: the call is timed as shipped
        builder.environment().keySet().removeIf(name -> name.startsWith("LANGCHAIN_") || name.startsWith("LANGSMITH_"));
        Process p = builder.start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " took over " + timeoutMinutes + " minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + p.exitValue());
        }
    }
}
