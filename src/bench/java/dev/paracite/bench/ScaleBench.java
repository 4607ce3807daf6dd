package dev.paracite.bench;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Question;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.extractive.ExtractiveModel;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parse time (beside a plain line split of the same text), index build rate, index size, heap and query
 * latency at 1,000 / 100,000 / 1,000,000 synthetic paragraphs (sizes can be given as arguments).
 * Writes target/bench/scale.json.
 */
public final class ScaleBench {

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1_000, 100_000, 1_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int size : sizes) {
            rows.add(measure(size));
        }
        BenchJson.write("scale", Map.of("rows", rows));
    }

    static Map<String, Object> measure(int paragraphs) throws InterruptedException {
        SyntheticDocument generator = new SyntheticDocument(paragraphs);
        long baseline = heapAfterGc();
        String text = generator.text(paragraphs);
        double lineSplit = lineSplitSeconds(text);
        long t0 = System.nanoTime();
        Document document = DocumentParser.parse("synthetic-" + paragraphs, text);
        long parsed = System.nanoTime();
        text = null;
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.BM25);
        long built = System.nanoTime();
        long heap = heapAfterGc() - baseline;
        Retriever retriever = new Retriever(document, search);
        Assistant assistant = new Assistant(retriever, new ExtractiveModel(search.terms(), dev.paracite.Shared.embedder()), dev.paracite.Shared.support());
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            queries.add(generator.query(document.paragraphs()));
        }
        for (String q : queries.subList(0, 200)) {
            retriever.retrieve(q, 5);
            assistant.ask(Question.of(q));
        }
        List<Long> retrieval = new ArrayList<>();
        List<Long> ask = new ArrayList<>();
        for (String q : queries.subList(200, 1_200)) {
            long s = System.nanoTime();
            retriever.retrieve(q, 5);
            retrieval.add(System.nanoTime() - s);
            s = System.nanoTime();
            assistant.ask(Question.of(q));
            ask.add(System.nanoTime() - s);
        }
        Collections.sort(retrieval);
        Collections.sort(ask);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("paragraphs", document.paragraphs().size());
        row.put("parseSeconds", BenchJson.round((parsed - t0) / 1e9, 2));
        row.put("lineSplitSeconds", BenchJson.round(lineSplit, 2));
        row.put("parseToLineSplit", BenchJson.round((parsed - t0) / 1e9 / lineSplit, 2));
        row.put("indexSeconds", BenchJson.round((built - parsed) / 1e9, 2));
        row.put("parseAndIndexSeconds", BenchJson.round((built - t0) / 1e9, 2));
        row.put("indexParagraphsPerSecond", Math.round(document.paragraphs().size() / ((built - parsed) / 1e9)));
        row.put("indexMb", BenchJson.round(search.indexBytes() / 1e6, 1));
        row.put("heapMbDocumentAndIndex", BenchJson.round(heap / 1e6, 1));
        row.put("retrievalP50Ms", BenchJson.round(BenchJson.percentileMillis(retrieval, 0.50), 3));
        row.put("retrievalP99Ms", BenchJson.round(BenchJson.percentileMillis(retrieval, 0.99), 3));
        row.put("askP50Ms", BenchJson.round(BenchJson.percentileMillis(ask, 0.50), 3));
        row.put("askP99Ms", BenchJson.round(BenchJson.percentileMillis(ask, 0.99), 3));
        System.out.println(row);
        search.close();
        return row;
    }

    /**
     * The floor for parsing: the same text cut into line Strings by {@link String#lines} and nothing
     * else. Parse time is reported as a multiple of it.
     */
    static double lineSplitSeconds(String text) {
        long start = System.nanoTime();
        long chars = text.lines().mapToLong(String::length).sum();
        long end = System.nanoTime();
        if (chars > text.length()) {
            throw new AssertionError("lines longer than the text");
        }
        return (end - start) / 1e9;
    }

    static long heapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
