package dev.paracite.bench;

import dev.paracite.assistant.AnswerMetrics;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.FollowUp;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.embedding.Embedder;
import dev.paracite.embedding.LoadingEmbedder;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.grounding.Context;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.library.Corpus;
import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The document library at scale: synthetic documents added through {@link Library#add} (BM25, then a
 * small hybrid run, since embedding every paragraph is slow), the index size on disk, and a restart
 * measured in a fresh JVM: open, first answer, heap, warm ask latency. Writes target/bench/library.json.
 * Arguments: documents, paragraphs each, adding threads, hybrid documents, hybrid paragraphs each, child -Xmx.
 */
public final class LibraryBench {

    private static final int QUESTIONS = 200;

    private LibraryBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), Path.of(args[2]), Boolean.parseBoolean(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("restart")) {
            // the restart alone, on the library and questions a full run left
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("loadAverageBefore", load());
            List<Map<String, Object>> restarts = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                restarts.add(restart(Path.of("target/bench/library-data"), Path.of("target/bench/library-questions.txt"),
                        args.length > 1 ? args[1] : "1g", run == 2));
                System.out.println(restarts.get(run));
            }
            out.put("restarts", restarts);
            out.put("loadAverageAfter", load());
            BenchJson.write("library-restart", out);
            return;
        }
        int docs = arg(args, 0, 1_000);
        int paragraphs = arg(args, 1, 1_000);
        int threads = arg(args, 2, 1);
        int hybridDocs = arg(args, 3, 20);
        int hybridParagraphs = arg(args, 4, 500);
        String xmx = args.length > 5 ? args[5] : "1g";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", docs);
        out.put("paragraphsPerDocument", paragraphs);
        out.put("threads", threads);
        out.put("loadAverageBefore", load());

        SyntheticDocument generator = new SyntheticDocument(42);
        List<byte[]> texts = new ArrayList<>(docs);
        for (int i = 0; i < docs; i++) {
            texts.add(generator.text(paragraphs, 45).getBytes(StandardCharsets.UTF_8));
        }
        long bytes = texts.stream().mapToLong(b -> b.length).sum();
        out.put("textMb", BenchJson.round(bytes / 1e6, 1));
        out.put("meanParagraphChars", Math.round((double) bytes / docs / paragraphs));
        Path questions = questions(generator, texts);
        out.put("parseOnlySeconds", BenchJson.round(parseSeconds(texts), 2));

        Path dir = fresh(Path.of("target/bench/library-data"));
        LibrarySettings bm25 = new LibrarySettings(RetrievalSettings.BM25, null, 0, Library.DEFAULT_MAX_UPLOAD);
        long cpu = cpuNanos();
        double seconds = ingest(dir, bm25, texts, threads);
        out.put("bm25IngestSeconds", BenchJson.round(seconds, 2));
        out.put("bm25IngestCpuSeconds", BenchJson.round((cpuNanos() - cpu) / 1e9, 2));
        out.put("loadAverageAfterIngest", load());
        out.put("bm25ParagraphsPerSecond", Math.round((double) docs * paragraphs / seconds));
        out.put("indexMb", BenchJson.round(size(dir) / 1e6, 1));
        System.out.println(out);
        texts = null;

        List<Map<String, Object>> restarts = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            // the last run also asks the warm questions; the first two stop after the heap figure
            restarts.add(restart(dir, questions, xmx, run == 2));
            System.out.println(restarts.get(run));
        }
        out.put("childXmx", xmx);
        out.put("restarts", restarts);

        if (hybridDocs > 0) {
            SyntheticDocument small = new SyntheticDocument(43);
            List<byte[]> hybridTexts = new ArrayList<>();
            for (int i = 0; i < hybridDocs; i++) {
                hybridTexts.add(small.text(hybridParagraphs, 45).getBytes(StandardCharsets.UTF_8));
            }
            Embedder embedder = new CachingEmbedder(OnnxEmbedder.shared(), 50_000);
            embedder.embed("warm up the model");
            LibrarySettings hybrid = new LibrarySettings(RetrievalSettings.HYBRID, embedder, 0, Library.DEFAULT_MAX_UPLOAD);
                long hybridCpu = cpuNanos();
            double hybridSeconds = ingest(fresh(Path.of("target/bench/library-hybrid")), hybrid, hybridTexts, 1);
            out.put("hybridDocuments", hybridDocs);
            out.put("hybridParagraphsPerDocument", hybridParagraphs);
            out.put("hybridIngestSeconds", BenchJson.round(hybridSeconds, 2));
            out.put("hybridIngestCpuSeconds", BenchJson.round((cpuNanos() - hybridCpu) / 1e9, 2));
            out.put("hybridParagraphsPerSecond", Math.round((double) hybridDocs * hybridParagraphs / hybridSeconds));
        }
        System.out.println(out);
        BenchJson.write("library", out);
    }

    private static int arg(String[] args, int i, int otherwise) {
        return args.length > i ? Integer.parseInt(args[i]) : otherwise;
    }

    /** Adds every text as its own document, {@code threads} at a time; the seconds it took. */
    static double ingest(Path dir, LibrarySettings settings, List<byte[]> texts, int threads) throws Exception {
        long start = System.nanoTime();
        try (Library library = Library.open(dir, settings)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    library.add(new Upload("doc-" + n + ".txt", texts.get(n)), Progress.NONE);
                    if (n % 100 == 99) {
                        System.out.printf("added %d documents, %.1f s%n", n + 1, (System.nanoTime() - start) / 1e9);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** What the parse alone costs (the reader and the names a document is about), for comparison with the add. */
    private static double parseSeconds(List<byte[]> texts) {
        long start = System.nanoTime();
        long paragraphs = 0;
        for (int i = 0; i < texts.size(); i++) {
            Document d = DocumentLoader.read("doc-" + i, texts.get(i), "doc").document();
            paragraphs += d.paragraphs().size() + Context.of(d).names().size();
        }
        if (paragraphs == 0) {
            throw new AssertionError("nothing parsed");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Path questions(SyntheticDocument generator, List<byte[]> texts) throws IOException {
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < QUESTIONS + 11; i++) {
            byte[] text = texts.get((i * 37) % texts.size());
            questions.add(generator.query(DocumentLoader.read("q", text, "q").document().paragraphs()));
        }
        Path file = Path.of("target/bench/library-questions.txt");
        Files.write(file, questions);
        return file;
    }

    /** A fresh JVM opens the library and answers: wall time to the first answer, open time, heap, warm latency. */
    private static Map<String, Object> restart(Path dir, Path questions, String xmx, boolean asks) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long start = System.nanoTime();
        Process child = new ProcessBuilder(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                LibraryBench.class.getName(), "child", dir.toString(), questions.toString(), Boolean.toString(asks))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Object> row = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("answered")) {
                    row.put("wallToFirstAnswerMs", (System.nanoTime() - start) / 1_000_000);
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    row.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
                } else {
                    System.out.println("child: " + line);
                }
            }
        }
        if (child.waitFor() != 0) {
            row.put("exit", child.exitValue());
        }
        return row;
    }

    private static void child(Path dir, Path questionsFile, boolean asks) throws Exception {
        List<String> questions = Files.readAllLines(questionsFile);
        Embedder embedder = new CachingEmbedder(LoadingEmbedder.start(OnnxEmbedder.PRODUCT, OnnxEmbedder::shared), 50_000);
        long t0 = System.nanoTime();
        long mainCpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long cpu0 = cpuNanos();
        Library library = Library.open(dir, new LibrarySettings(RetrievalSettings.BM25, embedder, 0, Library.DEFAULT_MAX_UPLOAD));
        long opened = System.nanoTime();
        long openCpu = cpuNanos() - cpu0;
        // the main thread's share of the open (the segment-reading threads and the model loading beside it excluded)
        long openMainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - mainCpu0;
        Corpus corpus = library.corpus();
        Assistant assistant = new Assistant(new Retriever(corpus.document(), corpus.search()),
                new ExtractiveModel(corpus.search().terms(), embedder), null, FollowUp.INSTANCE,
                new Support(embedder, SupportSettings.DEFAULT), AnswerMetrics.NONE, corpus.context());
        long built = System.nanoTime();
        Response first = assistant.ask(Question.of(questions.get(0)));
        long answered = System.nanoTime();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("answered " + first.outcome());
        System.out.println("jvmStartToAnswerMs=" + (System.currentTimeMillis() - jvmStart));
        System.out.println("openMs=" + (opened - t0) / 1_000_000);
        System.out.println("openCpuMsAllThreads=" + openCpu / 1_000_000);
        System.out.println("openMainThreadCpuMs=" + openMainCpu / 1_000_000);
        System.out.println("processCpuToAnswerMs=" + cpuNanos() / 1_000_000);
        System.out.println("loadAverage=" + load());
        System.out.println("corpusAndAssistantMs=" + (built - opened) / 1_000_000);
        System.out.println("firstAskMs=" + (answered - built) / 1_000_000);
        System.out.println("paragraphs=" + corpus.document().paragraphs().size());
        System.out.println("heapAfterGcMb=" + heapAfterGc() / 1_000_000);
        if (!asks) {
            System.exit(0);
        }
        for (String q : questions.subList(1, 11)) {
            assistant.ask(Question.of(q));
        }
        List<Long> nanos = new ArrayList<>();
        for (String q : questions.subList(11, questions.size())) {
            long s = System.nanoTime();
            assistant.ask(Question.of(q));
            nanos.add(System.nanoTime() - s);
        }
        Collections.sort(nanos);
        System.out.println("askP50Ms=" + BenchJson.round(BenchJson.percentileMillis(nanos, 0.50), 2));
        System.out.println("askP99Ms=" + BenchJson.round(BenchJson.percentileMillis(nanos, 0.99), 2));
        System.out.println("heapAfterAsksMb=" + heapAfterGc() / 1_000_000);
        library.close();
        System.exit(0);
    }

    /** CPU time of this process, all threads: on a shared machine the figure load does not inflate. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long heapAfterGc() throws InterruptedException {
        return ScaleBench.heapAfterGc();
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
