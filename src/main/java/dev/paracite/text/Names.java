package dev.paracite.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names in a text: capitalised words inside a sentence, and at a sentence's start those general
 * English is known to write capitalised ("Russia", not "The"). No list of any document's names.
 */
public final class Names {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");

    private Names() {}

    /** Every name of {@code text}, in order, possessive "'s" removed. */
    public static List<String> in(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        boolean first = true;
        int lastEnd = 0;
        while (m.find()) {
            String word = m.group().replaceAll("['’]s$", "");
            boolean sentenceStart = first || text.substring(lastEnd, m.start()).matches("(?s).*[.!?:;\"“(]\\s*$");
            if (Character.isUpperCase(word.charAt(0)) && word.length() > 1
                    && (!sentenceStart || English.get().isKnownName(word))) {
                names.add(word);
            }
            first = false;
            lastEnd = m.end();
        }
        return names;
    }
}
