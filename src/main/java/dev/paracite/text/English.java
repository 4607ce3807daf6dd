package dev.paracite.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * General-English word statistics, independent of any one document: how many texts of a background
 * corpus use a word or an analysed term, and how often a word is capitalised inside a sentence. They
 * say how rare a word the document never uses is ("far" is common, "Moon" is not), and whether a
 * capitalised word is a name. The table (english/background.tsv.gz) is built by the bench program
 * {@code BackgroundTable} from BEIR SciFact abstracts and SQuAD dev articles 0-4; see its SOURCE.md.
 */
public final class English {

    private static final English INSTANCE = load();

    private final int texts;
    private final Map<String, int[]> words;
    private final Map<String, Integer> terms;

    private English(int texts, Map<String, int[]> words, Map<String, Integer> terms) {
        this.texts = texts;
        this.words = words;
        this.terms = terms;
    }

    /** The table shipped in the jar (read once; it never changes). */
    public static English get() {
        return INSTANCE;
    }

    /** Texts of the background corpus. */
    public int texts() {
        return texts;
    }

    /** Background texts using an analysed term; 0 for one seen in fewer than two. */
    public int termFrequency(String term) {
        return terms.getOrDefault(term, 0);
    }

    /** BM25-style inverse document frequency of an analysed term over the background corpus. */
    public double termIdf(String term) {
        int df = termFrequency(term);
        return Math.log(1 + (texts - df + 0.5) / (df + 0.5));
    }

    /** The largest {@link #termIdf}: that of a term the background corpus does not have. */
    public double maxIdf() {
        return Math.log(1 + (texts + 0.5) / 0.5);
    }

    /** Background texts using a word (any case); 0 for one seen in fewer than two. */
    public int wordFrequency(String word) {
        int[] w = words.get(word.toLowerCase(Locale.ROOT));
        return w == null ? 0 : w[0];
    }

    /**
     * Whether a capitalised word is a name rather than an ordinary word that happens to start a
     * sentence or a title: unknown words are names; known ones when they are mostly capitalised
     * inside sentences ("Russia", "January", "Council").
     */
    public boolean isName(String word) {
        int[] w = words.get(word.toLowerCase(Locale.ROOT));
        if (w == null) {
            return true;
        }
        return w[2] > w[1];
    }

    /** Whether general English is known to write this word capitalised inside sentences ("Russia", "January"). */
    public boolean isKnownName(String word) {
        int[] w = words.get(word.toLowerCase(Locale.ROOT));
        return w != null && w[2] > w[1];
    }

    private static English load() {
        try (InputStream raw = English.class.getResourceAsStream("/english/background.tsv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("english/background.tsv.gz missing from the classpath");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            int texts = 0;
            Map<String, int[]> words = new HashMap<>();
            Map<String, Integer> terms = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "# texts" -> texts = Integer.parseInt(f[1]);
                    case "w" -> words.put(f[1], new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])});
                    case "t" -> terms.put(f[1], Integer.parseInt(f[2]));
                    default -> throw new IllegalStateException("unreadable background table line: " + line);
                }
            }
            return new English(texts, words, terms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
