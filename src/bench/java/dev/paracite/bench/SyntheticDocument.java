package dev.paracite.bench;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.corpus.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates numbered documents of realistic shape: paragraphs of 10-200 words (mean about 70) in
 * sentences of 8-25 words, with roman-numeral sections every 50 paragraphs. Words follow a Zipf law
 * over the built-in document's vocabulary, ranked by frequency, extended with a long tail of made-up
 * rare words, so that term statistics look like a real document's rather than uniform noise.
 */
final class SyntheticDocument {

    private static final int TAIL = 50_000;

    /** A generated document and questions drawn from its paragraphs. */
    record Asked(Document document, List<String> questions) {}

    private final List<String> vocabulary = new ArrayList<>();
    private final double[] cumulative;
    private final Random random;

    SyntheticDocument(long seed) {
        random = new Random(seed);
        Map<String, Integer> counts = new HashMap<>();
        for (Paragraph p : DocumentLoader.builtIn().paragraphs()) {
            for (String w : p.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.length() > 1) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> vocabulary.add(e.getKey()));
        String[] syllables = {"ka", "ro", "ven", "tal", "mi", "sor", "de", "lun", "pra", "qu", "est", "ib", "on", "ar", "ul"};
        Random tail = new Random(7);
        while (vocabulary.size() < TAIL) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 2 + tail.nextInt(3); i < n; i++) {
                w.append(syllables[tail.nextInt(syllables.length)]);
            }
            vocabulary.add(w.toString());
        }
        cumulative = new double[vocabulary.size()];
        double sum = 0;
        for (int rank = 0; rank < vocabulary.size(); rank++) {
            sum += 1.0 / Math.pow(rank + 1, 1.07);
            cumulative[rank] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    private String word() {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary.get(i < 0 ? -i - 1 : i);
    }

    /** The text of a document with {@code paragraphs} numbered paragraphs. */
    String text(int paragraphs) {
        return text(paragraphs, 70);
    }

    /** The same with paragraphs of about {@code meanWords} words (45: some 300 characters). */
    String text(int paragraphs, int meanWords) {
        StringBuilder out = new StringBuilder(paragraphs * 480);
        for (int n = 1; n <= paragraphs; n++) {
            if (n % 50 == 1) {
                out.append(roman((n / 50) % 3999 + 1)).append(". ").append(capital(word())).append(' ').append(word()).append('\n');
            }
            out.append(n).append(". ").append(paragraph(meanWords)).append('\n');
        }
        return out.toString();
    }

    String paragraph() {
        return paragraph(70);
    }

    private String paragraph(int meanWords) {
        int words = (int) Math.max(10, Math.min(200, meanWords + random.nextGaussian() * meanWords * 3 / 7));
        StringBuilder p = new StringBuilder();
        int inSentence = 0;
        int sentence = 8 + random.nextInt(18);
        for (int i = 0; i < words; i++) {
            String w = word();
            p.append(inSentence == 0 ? capital(w) : w);
            if (++inSentence == sentence || i == words - 1) {
                p.append(". ");
                inSentence = 0;
                sentence = 8 + random.nextInt(18);
            } else {
                p.append(' ');
            }
        }
        return p.toString().strip();
    }

    /**
     * A parsed document of {@code paragraphs} paragraphs of about {@code meanWords} words, and {@code questions}
     * questions drawn from it, always the same for the same arguments (seed 42).
     */
    static Asked asked(int paragraphs, int meanWords, int questions) {
        SyntheticDocument generator = new SyntheticDocument(42);
        Document document = DocumentParser.parse("synthetic-" + paragraphs, generator.text(paragraphs, meanWords));
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            asked.add(generator.query(document.paragraphs()));
        }
        return new Asked(document, asked);
    }

    /** A question-like query: a few content words from a random paragraph of the document. */
    String query(List<Paragraph> paragraphs) {
        String[] words = paragraphs.get(random.nextInt(paragraphs.size())).text().split("[^\\p{L}]+");
        StringBuilder q = new StringBuilder("What does the document say about");
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            q.append(' ').append(words[random.nextInt(words.length)]);
        }
        return q.append('?').toString();
    }

    private static String capital(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                r.append(symbols[i]);
                n -= values[i];
            }
        }
        return r.toString();
    }
}
