package dev.paracite.corpus;

import java.util.regex.Pattern;

/** Roman and arabic section numbers: "III" and "3" name the same section. */
public final class Numerals {

    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    private static final Pattern ROMAN =
            Pattern.compile("^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$");

    private Numerals() {}

    /** {@code n} in roman numerals; {@code n} in digits when it has none (0, negative, 4000 and up). */
    public static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return Integer.toString(n);
        }
        StringBuilder out = new StringBuilder();
        int rest = n;
        for (int i = 0; i < VALUES.length; i++) {
            while (rest >= VALUES[i]) {
                out.append(SYMBOLS[i]);
                rest -= VALUES[i];
            }
        }
        return out.toString();
    }

    /** True for a well-formed upper-case roman numeral ("IV", not "IIII" or "iv"). */
    public static boolean isRoman(String s) {
        return !s.isEmpty() && ROMAN.matcher(s).matches();
    }

    /** The value of a number written in digits (at most 9) or as a well-formed roman numeral; -1 otherwise. */
    public static int value(String written) {
        if (!written.isEmpty() && written.length() <= 9 && written.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(written);
        }
        if (!isRoman(written)) {
            return -1;
        }
        int total = 0;
        int at = 0;
        for (int i = 0; i < VALUES.length; i++) {
            while (written.startsWith(SYMBOLS[i], at)) {
                total += VALUES[i];
                at += SYMBOLS[i].length();
            }
        }
        return total;
    }
}
