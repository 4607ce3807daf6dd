package dev.paracite.text;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words that widen or narrow a statement to every case or a single one ("all", "always", "only",
 * "never", "first"), in groups that say the same. A text using one says something its source must say
 * too: "only" where the source has no "only", "sole" or "alone" is a different claim.
 */
public final class Quantifiers {

    private static final List<Set<String>> GROUPS = List.of(
            Set.of("all", "every", "each", "any", "everyone", "everything", "entire", "entirely", "whole"),
            Set.of("only", "solely", "exclusively", "sole", "alone"), Set.of("always"), Set.of("never"),
            Set.of("first"), Set.of("last"));

    private static final java.util.regex.Pattern NON_LETTER = java.util.regex.Pattern.compile("[^\\p{L}]+");

    private Quantifiers() {}

    /** The quantifiers {@code text} uses, in order. */
    public static Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : NON_LETTER.split(text.toLowerCase(Locale.ROOT))) {
            if (GROUPS.stream().anyMatch(g -> g.contains(w))) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether {@code words} (lower case) say what {@code quantifier} says, by it or a word of its group. */
    public static boolean said(List<String> words, String quantifier) {
        Set<String> group = GROUPS.stream().filter(g -> g.contains(quantifier)).findFirst().orElse(Set.of(quantifier));
        return words.stream().anyMatch(group::contains);
    }
}
