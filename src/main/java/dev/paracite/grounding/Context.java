package dev.paracite.grounding;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a statement may use without its paragraph repeating them, because the whole document is about
 * them: capitalised words found in at least a quarter of the paragraphs ("Russia", "CIS") and the words
 * of such an acronym's spelled-out form ("Commonwealth of Independent States"). The cited paragraph's
 * section title counts as well (see {@link Support}).
 */
public record Context(Set<String> names) {

    /** Share of paragraphs a name must appear in to be the document's subject. */
    static final double PERVASIVE = 0.25;
    /** Documents shorter than this have no pervasive names: every paragraph would be a quarter. */
    static final int MIN_PARAGRAPHS = 4;
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}]*");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{Lu}]{2,6}");
    private static final Set<String> JOINERS = Set.of("of", "the", "and", "for", "on", "in");

    public static final Context NONE = new Context(Set.of());

    public Context {
        names = Set.copyOf(names);
    }

    public static Context of(Document document) {
        List<Paragraph> paragraphs = document.paragraphs();
        if (paragraphs.size() < MIN_PARAGRAPHS) {
            return NONE;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Paragraph p : paragraphs) {
            Set<String> seen = new HashSet<>();
            Matcher m = CAPITALISED.matcher(p.text());
            while (m.find()) {
                seen.add(m.group());
            }
            seen.forEach(w -> counts.merge(w, 1, Integer::sum));
        }
        Set<String> names = new HashSet<>();
        String all = String.join("\n", paragraphs.stream().map(Paragraph::text).toList());
        counts.forEach((word, n) -> {
            if (n >= PERVASIVE * paragraphs.size()) {
                names.add(word.toLowerCase(Locale.ROOT));
                if (ACRONYM.matcher(word).matches()) {
                    names.addAll(expansion(word, all));
                }
            }
        });
        return new Context(names);
    }

    /** The words of the first run of capitalised words (joined by "of", "the" ...) whose initials spell {@code acronym}. */
    static Set<String> expansion(String acronym, String text) {
        String[] words = text.split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i < words.length; i++) {
            int letter = 0;
            int j = i;
            Set<String> run = new HashSet<>();
            while (j < words.length && letter < acronym.length()) {
                String w = words[j];
                if (!w.isEmpty() && w.charAt(0) == acronym.charAt(letter) && Character.isUpperCase(w.charAt(0))) {
                    run.add(w.toLowerCase(Locale.ROOT));
                    letter++;
                } else if (!(letter > 0 && JOINERS.contains(w))) {
                    break;
                }
                j++;
            }
            if (letter == acronym.length()) {
                return run;
            }
        }
        return Set.of();
    }
}
