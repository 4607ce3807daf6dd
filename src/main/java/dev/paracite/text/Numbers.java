package dev.paracite.text;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text states, normalised so that "7", "seven" and "7.0" are one value, "1,000" is
 * "1000", "10%" and "10 per cent" are "10", "the 1990s" is "1990", and "15th", "third" are "15", "3".
 */
public final class Numbers {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:st|nd|rd|th|s)?(?![\\p{L}\\d])"
                    + "|\\b(zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                    + "hundred|thousand|million|billion|dozen|twice|thrice|half)\\b"
                    + "|\\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("zero", "0"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"),
            Map.entry("twelve", "12"), Map.entry("thirteen", "13"), Map.entry("fourteen", "14"),
            Map.entry("fifteen", "15"), Map.entry("sixteen", "16"), Map.entry("seventeen", "17"),
            Map.entry("eighteen", "18"), Map.entry("nineteen", "19"), Map.entry("twenty", "20"),
            Map.entry("thirty", "30"), Map.entry("forty", "40"), Map.entry("fifty", "50"), Map.entry("sixty", "60"),
            Map.entry("seventy", "70"), Map.entry("eighty", "80"), Map.entry("ninety", "90"),
            Map.entry("hundred", "100"), Map.entry("thousand", "1000"), Map.entry("million", "1000000"),
            Map.entry("billion", "1000000000"), Map.entry("dozen", "12"), Map.entry("twice", "2"),
            Map.entry("thrice", "3"), Map.entry("half", "0.5"));

    /** Ordinals from "second" up ("first" is too often not a rank: "first point of contact"); digits ("3rd") read as numbers. */
    private static final Map<String, String> ORDINALS = Map.ofEntries(Map.entry("second", "2"), Map.entry("third", "3"),
            Map.entry("fourth", "4"), Map.entry("fifth", "5"), Map.entry("sixth", "6"), Map.entry("seventh", "7"),
            Map.entry("eighth", "8"), Map.entry("ninth", "9"), Map.entry("tenth", "10"), Map.entry("eleventh", "11"),
            Map.entry("twelfth", "12"));

    private Numbers() {}

    /** Texts read again and again (a document's paragraphs and sentences, question after question). */
    private static final Memo<String, Set<String>> MEMO = new Memo<>(10_000, text -> Collections.unmodifiableSet(find(text)));

    /** Every number {@code text} states, normalised, in order of first appearance; the set cannot be changed. */
    public static Set<String> of(String text) {
        return MEMO.get(text);
    }

    private static Set<String> find(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (!text.isEmpty() && text.chars().allMatch(Character::isLetter)) {
            // one word, as the support check asks word by word: a number only if it is one of the words,
            // which is all the pattern could find in it; looked up, as the pattern costs a thousand times more
            String word = text.toLowerCase(Locale.ROOT);
            String value = WORDS.containsKey(word) ? WORDS.get(word) : ORDINALS.get(word);
            if (value != null) {
                out.add(value);
            }
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(normal(m.group(1)));
            } else if (m.group(2) != null) {
                out.add(WORDS.get(m.group(2).toLowerCase(Locale.ROOT)));
            } else {
                out.add(ORDINALS.get(m.group(3).toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static String normal(String digits) {
        String plain = digits.replace(",", "");
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        plain = plain.replaceFirst("^0+(?=\\d)", "");
        return plain;
    }
}
