package dev.paracite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.retrieval.ParagraphAnalyzer;
import dev.paracite.retrieval.Stemming;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Builds src/main/resources/english/background.tsv.gz, the general-English frequency table behind the
 * answer gate and the support check: for every word and every analysed (Porter) term, in how many
 * texts of a general corpus it occurs, and for words how often they are written with a capital inside
 * a sentence. The corpus is BEIR SciFact's 5,183 abstracts (ODC-By 1.0) and the paragraphs of SQuAD
 * dev articles 0-4 only (CC BY-SA 4.0): articles 5-9 are held out for reporting and stay unread.
 */
public final class BackgroundTable {

    private BackgroundTable() {}

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(shared.resolve("beir-scifact/corpus.jsonl"))) {
            JsonNode n = json.readTree(line);
            texts.add(n.get("title").asText() + ". " + n.get("text").asText());
        }
        int scifact = texts.size();
        for (String name : List.of("00_Normans", "01_Computational_complexity_theory", "02_Southern_California",
                "03_Sky_(United_Kingdom)", "04_Victoria_(Australia)")) {
            JsonNode article = json.readTree(shared.resolve("squad2-dev-part/articles/" + name + ".json").toFile());
            article.get("data").get(0).get("paragraphs").forEach(p -> texts.add(p.get("context").asText()));
        }
        Map<String, int[]> words = new HashMap<>(); // df, lower-case uses, capitalised uses inside a sentence
        Map<String, Integer> stems = new HashMap<>();
        try (Analyzer analyzer = new ParagraphAnalyzer(Stemming.PORTER)) {
            for (String text : texts) {
                Set<String> seenWords = new HashSet<>();
                boolean sentenceStart = true;
                for (String token : text.split("(?<=[.!?])\\s+|[^\\p{L}\\p{N}'’.!?-]+")) {
                    String word = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                    if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
                        String lower = word.toLowerCase(Locale.ROOT);
                        int[] w = words.computeIfAbsent(lower, k -> new int[3]);
                        if (seenWords.add(lower)) {
                            w[0]++;
                        }
                        if (!sentenceStart) {
                            w[Character.isUpperCase(word.charAt(0)) ? 2 : 1]++;
                        }
                    }
                    sentenceStart = token.matches(".*[.!?]$");
                }
                for (String stem : new HashSet<>(analyze(analyzer, text))) {
                    stems.merge(stem, 1, Integer::sum);
                }
            }
        }
        Path out = Path.of("src/main/resources/english/background.tsv.gz");
        int kept = 0;
        try (Writer w = new java.io.OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)) {
            w.write("# texts\t" + texts.size() + "\n");
            for (Map.Entry<String, int[]> e : words.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                int[] v = e.getValue();
                if (v[0] >= 2) {
                    w.write("w\t" + e.getKey() + "\t" + v[0] + "\t" + v[1] + "\t" + v[2] + "\n");
                    kept++;
                }
            }
            for (Map.Entry<String, Integer> e : stems.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                if (e.getValue() >= 2) {
                    w.write("t\t" + e.getKey() + "\t" + e.getValue() + "\n");
                    kept++;
                }
            }
        }
        System.out.println(texts.size() + " texts (" + scifact + " SciFact abstracts, " + (texts.size() - scifact)
                + " SQuAD paragraphs); " + words.size() + " words, " + stems.size() + " terms; " + kept
                + " rows with df >= 2 written to " + out + " (" + Files.size(out) + " bytes)");
    }

    private static List<String> analyze(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        }
        return out;
    }
}
