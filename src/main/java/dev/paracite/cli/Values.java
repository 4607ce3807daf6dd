package dev.paracite.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/** Numbers given on the command line or in the environment, checked with a sentence naming the option. */
final class Values {

    private Values() {}

    static int whole(String option, String value, int min, int max) {
        return parsed(option, value, min, max, Integer::parseInt, "a whole number").intValue();
    }

    static double decimal(String option, String value, double min, double max) {
        return parsed(option, value, min, max, Double::parseDouble, "a number").doubleValue();
    }

    /** {@code value} seconds, at least {@code min} and at most an hour, as a duration. */
    static Duration seconds(String option, String value, double min) {
        return Duration.ofMillis(Math.round(1000 * decimal(option, value, min, 3600)));
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile("(\\d{1,10})\\s*(B|KB|MB|GB)?",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * A size in bytes written as bytes or with KB, MB or GB (powers of 1000, as the library's own limit
     * and its messages count), from 1 byte to {@code max}.
     */
    static long bytes(String option, String value, long max) {
        java.util.regex.Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new UsageException(option + " must be a size such as 20MB, 512KB or 1048576; it was \"" + value + "\".");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long bytes = Long.parseLong(m.group(1)) * switch (unit) {
            case "KB" -> 1_000L;
            case "MB" -> 1_000_000L;
            case "GB" -> 1_000_000_000L;
            default -> 1L;
        };
        if (bytes < 1 || bytes > max) {
            throw new UsageException(option + " must be between 1 byte and " + max / 1_000_000 + "MB; it was "
                    + value.strip() + ".");
        }
        return bytes;
    }

    /** {@code value} in lower case when it is {@code first} or {@code second}. */
    static String oneOf(String option, String value, String first, String second) {
        String choice = value.strip().toLowerCase(Locale.ROOT);
        if (!choice.equals(first) && !choice.equals(second)) {
            throw new UsageException(option + " must be " + first + " or " + second + "; it was \"" + value + "\".");
        }
        return choice;
    }

    /** {@code n} when it lies in [min, max]. */
    static int within(String option, int n, int min, int max) {
        return parsed(option, Integer.toString(n), min, max, Integer::parseInt, "a whole number").intValue();
    }

    private static Number parsed(String option, String value, double min, double max, Function<String, Number> parse,
                                 String kind) {
        Number n;
        try {
            n = parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be " + kind + "; it was \"" + value + "\".");
        }
        if (!(n.doubleValue() >= min && n.doubleValue() <= max)) {
            throw new UsageException(option + " must be between " + format(min) + " and " + format(max) + "; it was "
                    + value.strip() + ".");
        }
        return n;
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
