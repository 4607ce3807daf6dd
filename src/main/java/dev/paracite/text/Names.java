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

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");
    /** The text before a word ends a sentence (or opens a quotation or bracket), so the word's capital says nothing. */
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?:;\"“(]\\s*$");

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");

    private Names() {}

    /** Every name of {@code text}, in order, possessive "'s" removed. */
    public static List<String> in(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        boolean first = true;
        int lastEnd = 0;
        while (m.find()) {
            String word = POSSESSIVE.matcher(m.group()).replaceFirst("");
            boolean sentenceStart = first || SENTENCE_END.matcher(text.substring(lastEnd, m.start())).find();
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
