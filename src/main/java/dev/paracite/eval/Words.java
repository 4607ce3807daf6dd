package dev.paracite.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plain word handling for the metrics, deliberately independent of the retrieval analyzer so that the
 * evaluation does not grade the product by its own yardstick.
 */
final class Words {

    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "by",
            "for", "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "this", "that", "these",
            "those", "it", "its", "their", "they", "them", "which", "who", "whom", "what", "also", "such", "than",
            "then", "there", "into", "about", "should", "would", "will", "can", "may", "must", "shall", "has", "have",
            "had", "do", "does", "did", "his", "her", "our", "we", "you", "he", "she", "i");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "nor", "cannot", "none",
            "neither", "dont", "doesnt", "isnt", "arent", "wont", "shouldnt");

    private Words() {}

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).replace("’", "'").split("[^\\p{L}\\p{N}']+")) {
            String word = raw.replaceAll("'s$", "").replace("'", "");
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }

    /** Content words, crudely stemmed so "borders" meets "border" and "protected" meets "protect". */
    static Set<String> content(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String t : tokens(text)) {
            if (t.length() >= 3 && !STOP.contains(t) && !NEGATIONS.contains(t) && !isNumber(t)) {
                out.add(stem(t));
            }
        }
        return out;
    }

    static Set<String> numbers(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String t : tokens(text)) {
            if (isNumber(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static boolean negated(String text) {
        return tokens(text).stream().anyMatch(NEGATIONS::contains);
    }

    /** Lower case, every run of other characters one space: for finding a phrase inside an answer. */
    static String normalized(String text) {
        return " " + String.join(" ", tokens(text)) + " ";
    }

    private static boolean isNumber(String t) {
        return t.chars().allMatch(Character::isDigit);
    }

    static String stem(String w) {
        for (String suffix : new String[] {"ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed",
                "es", "s", "ly"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
