package dev.paracite.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain word handling for matching key-fact phrases in answers, independent of the product's analysis. */
final class Words {

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

    /** Lower case, every run of other characters one space: for finding a phrase inside an answer. */
    static String normalized(String text) {
        return " " + String.join(" ", tokens(text)) + " ";
    }
}
