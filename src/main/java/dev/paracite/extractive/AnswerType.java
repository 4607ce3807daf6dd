package dev.paracite.extractive;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of fact a question asks for, when the wording says so: a date ("when", "which year") or a
 * figure ("how much", "how many"). A sentence without one cannot answer such a question, however many
 * words it shares with it.
 */
enum AnswerType {
    DATE, FIGURE, PERSON, REASON, ANY;

    private static final Pattern ASKS_DATE = Pattern.compile(
            "^\\s*when\\b|\\b(which|what|in what) (year|date|month|day)\\b|\\bhow long ago\\b|\\bsince when\\b");
    private static final Pattern ASKS_FIGURE = Pattern.compile(
            "\\bhow (much|many)\\b|\\bwhat (percentage|share|amount|number|sum|proportion)\\b");
    private static final Pattern ASKS_PERSON = Pattern.compile(
            "^\\s*who (heads|chairs|leads|signed|wrote|founded|runs|directs|was|were)\\b|\\bwho is (the )?(head|chair|"
                    + "chairman|chairwoman|president|prime minister|minister|director|leader|author|secretary)\\b|"
                    + "\\b(name|names) of the\\b|\\bwhat is (his|her) name\\b");
    /** Two capitalised words in a row, neither naming an institution: a person's name. */
    private static final Pattern NAME = Pattern.compile("\\b(\\p{Lu}\\p{Ll}+|\\p{Lu}\\.)(\\s+(\\p{Lu}\\.|\\p{Lu}\\p{Ll}+))+");
    private static final Pattern INSTITUTION = Pattern.compile("(?i)\\b(federation|union|treaty|troops|affairs|"
            + "commission|committee|council|assembly|states?|ministry|government|europe|nations|organi[sz]ation|"
            + "republic|commonwealth|independent|border|law|bank|court|parliament|security|economic|collective|"
            + "foreign|interstate|customs|payment|russian|national|international|united|the|of|and)\\b");
    private static final Pattern ASKS_REASON = Pattern.compile("^\\s*why\\b|\\bfor what reason\\b|\\bwhat for\\b");
    private static final Pattern HAS_REASON = Pattern.compile(
            "\\b(because|since|due to|owing to|as a result|in order to|so that|so as to|interests?|factor|"
                    + "prerequisite|basis|aimed at|for the purpose|determined by|reason)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_DATE = Pattern.compile(
            "\\b(1[0-9]{3}|20[0-9]{2})\\b|\\b(january|february|march|april|may|june|july|august|september|"
                    + "october|november|december)\\s+\\d", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_FIGURE = Pattern.compile(
            "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|"
                    + "percent|half|third|quarter)\\b", Pattern.CASE_INSENSITIVE);

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (ASKS_DATE.matcher(q).find()) {
            return DATE;
        }
        if (ASKS_FIGURE.matcher(q).find()) {
            return FIGURE;
        }
        if (ASKS_PERSON.matcher(q).find()) {
            return PERSON;
        }
        return ASKS_REASON.matcher(q).find() ? REASON : ANY;
    }

    /** Whether the text has wording of the kind asked for; a preference, unlike {@link #satisfiedBy}. */
    boolean cued(String text) {
        return switch (this) {
            case DATE -> HAS_DATE.matcher(text).find();
            case FIGURE -> HAS_FIGURE.matcher(text).find();
            case PERSON -> hasPersonName(text);
            case REASON -> HAS_REASON.matcher(text).find();
            case ANY -> false;
        };
    }

    boolean satisfiedBy(String text) {
        return switch (this) {
            case DATE -> HAS_DATE.matcher(text).find();
            case FIGURE -> HAS_FIGURE.matcher(text).find();
            case PERSON -> hasPersonName(text);
            case REASON, ANY -> true;
        };
    }

    /** A run of capitalised words none of which names an institution ("Boris Yeltsin", "B. N. Yeltsin"). */
    static boolean hasPersonName(String text) {
        java.util.regex.Matcher m = NAME.matcher(text);
        while (m.find()) {
            if (!INSTITUTION.matcher(m.group()).find()) {
                return true;
            }
        }
        return false;
    }

    /** How a decline names what is missing. */
    String missing() {
        return switch (this) {
            case DATE -> "a date for this";
            case FIGURE -> "a figure for this";
            case PERSON -> "a name for this";
            case REASON, ANY -> "an answer to this";
        };
    }
}
