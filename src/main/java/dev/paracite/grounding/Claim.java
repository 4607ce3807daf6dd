package dev.paracite.grounding;

import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.text.English;
import dev.paracite.text.FunctionWords;
import dev.paracite.text.Names;
import dev.paracite.text.Negations;
import dev.paracite.text.Numbers;
import dev.paracite.text.Quantifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of text taken apart for checking: its content terms (analysed), the numbers and names it
 * states, the terms it denies ("not mandatory": mandatori) and the words that make it universal.
 */
record Claim(String text, List<String> terms, Set<String> numbers, List<String> names, Set<String> negated,
             Set<String> quantifiers, List<String[]> tokens, List<String> keys, boolean passive) {

    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\bby\\b");
    private static final Pattern NON_LETTER = Pattern.compile("[^\\p{L}]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}'’-]*");
    private static final Pattern NOT_IN_WORD = Pattern.compile("[^\\p{L}\\p{N}'’-]+");
    /** Limits worded with a negation ("no later than") set a bound; they do not deny anything. */
    private static final Pattern BOUND = Pattern.compile(
            "(?i)\\b(?:no|not)\\s+(?:\\p{L}+er|more|less|fewer)\\s+than\\b"
                    + "|\\bnot\\s+(?:exceeding|only|just)\\b");
    static Claim of(String text) {
        List<String> names = Names.in(text);
        return new Claim(text, contentTerms(text), Numbers.of(text), names, negated(text), Quantifiers.in(text), tokens(text),
                keys(text, names), passive(text));
    }

    /** Whether {@code text} has a passive's "by" ("Y was conquered by X"), which reverses the order of who did what. */
    static boolean passive(String text) {
        return PASSIVE.matcher(text).find();
    }

    /** A word as compared: "#" and its number, or its analysed term ("" when it has none). */
    static String unit(String token) {
        Set<String> numbers = Numbers.of(token);
        return !numbers.isEmpty() ? "#" + numbers.iterator().next() : TextAnalysis.terms(token).stream().findFirst().orElse("");
    }

    /** The names and the words rare in general English, as written in lower case: what the order rule compares. */
    private static List<String> keys(String text, List<String> names) {
        List<String> keys = new ArrayList<>();
        names.forEach(n -> keys.add(n.toLowerCase(Locale.ROOT)));
        for (String w : NON_LETTER.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() > 3 && !keys.contains(w) && English.get().wordFrequency(w) < RARE_WORD) {
                keys.add(w);
            }
        }
        return List.copyOf(keys);
    }

    /** Background texts below which a word counts as rare for the order rule. */
    private static final int RARE_WORD = 50;

    /** The content words of a text as {word, analysed term or "#number"}. */
    static List<String[]> tokens(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (!FunctionWords.contains(token)) {
                String unit = unit(token);
                if (!unit.isEmpty()) {
                    out.add(new String[] {token, unit});
                }
            }
        }
        return List.copyOf(out);
    }

    /** The analysed terms of {@code text} that carry content: no function words, numbers or single letters. */
    static List<String> contentTerms(String text) {
        StringBuilder content = new StringBuilder();
        for (String word : NOT_IN_WORD.split(text)) {
            if (!word.isEmpty() && !FunctionWords.contains(word)) {
                content.append(word).append(' ');
            }
        }
        return TextAnalysis.terms(content.toString()).stream().filter(t -> t.length() > 1)
                .filter(t -> !t.chars().allMatch(Character::isDigit)).distinct().toList();
    }

    /**
     * The terms a text denies: for each negation ("not", "no", "never", "without", "n't"), the first
     * content word within the next few words ("is not mandatory", "no record"); and X for a word "unX"
     * whose X is ordinary English ("unknown": known). Limits worded with a negation ("no later than")
     * deny nothing.
     */
    static Set<String> negated(String text) {
        Set<String> out = new java.util.LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(BOUND.matcher(text).replaceAll(" "));
        while (w.find()) {
            words.add(w.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (Negations.is(word)) {
                for (int j = i + 1; j < Math.min(words.size(), i + 1 + REACH); j++) {
                    if (!FunctionWords.contains(words.get(j)) && !Negations.is(words.get(j))) {
                        TextAnalysis.terms(words.get(j)).stream().findFirst().ifPresent(out::add);
                        break;
                    }
                }
            } else if (word.startsWith("un") && word.length() >= 6) {
                TextAnalysis.terms(word.substring(2)).stream().findFirst()
                        .filter(t -> English.get().termFrequency(t) >= ORDINARY).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Words after a negation searched for what it denies ("not be transferred"). */
    private static final int REACH = 4;
    /** Background texts a word's remainder after "un" must occur in to read "unX" as "not X". */
    private static final int ORDINARY = 20;
}
