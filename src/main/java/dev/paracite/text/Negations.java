package dev.paracite.text;

import java.util.regex.Pattern;

/** The words of English that deny: "not", "no", "never", "without", "cannot", any "…n't". */
public final class Negations {

    private static final String WORDS = "not|no|never|nor|neither|none|nobody|nothing|nowhere|cannot|without|\\p{L}+n['’]t";
    private static final Pattern WORD = Pattern.compile("(?i)" + WORDS);
    private static final Pattern ANY = Pattern.compile("(?i)(?<![\\p{L}'’])(?:" + WORDS + ")(?![\\p{L}'’])");

    private Negations() {}

    /** Whether {@code word} (one word, no spaces) is a negation. */
    public static boolean is(String word) {
        return WORD.matcher(word).matches();
    }

    /** Whether {@code text} uses a negation anywhere. */
    public static boolean in(String text) {
        return ANY.matcher(text).find();
    }
}
