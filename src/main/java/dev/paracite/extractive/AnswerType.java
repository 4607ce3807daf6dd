package dev.paracite.extractive;

import dev.paracite.text.Names;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of fact a question asks for, when its wording says so, and whether a piece of text has
 * wording of that kind: dates (years, decades, centuries, BC, months, deadlines such as "within 30
 * days"), durations, figures, agents (people, organisations and roles), places and reasons. Patterns of
 * general English, not of any one document.
 */
enum AnswerType {
    DATE, DURATION, FIGURE, AGENT, PLACE, REASON, ANY;

    private static final String NUMBER = "(?:\\d[\\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|few|many)";
    private static final String UNIT = "(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)";
    private static final Pattern ASKS_DATE = Pattern.compile("^\\s*when\\b|\\b(what|which|in what|in which)\\s+"
            + "(year|years|date|month|day|decade|century|era|period|time)\\b|\\bhow long ago\\b|\\bsince when\\b|\\bby when\\b");
    private static final Pattern ASKS_DURATION = Pattern.compile("\\bhow long\\b|\\bfor how (many|much)\\b|\\bhow (soon|often)\\b");
    private static final Pattern ASKS_FIGURE = Pattern.compile("\\bhow (much|many|big|large|high|tall|far|old|deep|wide|"
            + "fast|heavy)\\b|\\bwhat (percentage|percent|share|amount|number|sum|proportion|fraction|size|population|rate|"
            + "total|cost|price)\\b");
    private static final Pattern ASKS_AGENT = Pattern.compile("^\\s*(who|whom|whose)\\b|\\bby whom\\b|\\b(which|what)\\s+"
            + "(person|people|persons|organi[sz]ations?|body|bodies|group|company|companies|official|officer|team|"
            + "committee|party|member|members|country|countries|state|states|authority)\\b");
    private static final Pattern ASKS_PLACE = Pattern.compile("^\\s*where\\b|\\b(which|what|in what|in which)\\s+"
            + "(country|countries|city|cities|region|place|town|area|continent|location|county|province)\\b");
    private static final Pattern ASKS_REASON = Pattern.compile("^\\s*why\\b|\\bfor what reason\\b|\\bwhat for\\b|"
            + "\\bwhat (caused|causes|led to)\\b|\\bhow come\\b");

    private static final Pattern HAS_DATE = Pattern.compile("\\b(1\\d{3}|20\\d{2})s?\\b|\\b\\d{2}s\\b|\\b\\d{1,2}(st|nd|rd|th)"
            + "[- ]centur|\\b(\\w+teenth|twentieth|twenty-first|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
            + "|eleventh|twelfth) centur|\\b\\d+\\s*(BC|BCE|AD|CE)\\b|\\b(january|february|march|april|may|june|july|august|"
            + "september|october|november|december)\\b|\\b(within|after|before|by|until|no later than|no earlier than|"
            + "not later than)\\s+" + NUMBER + "\\s+" + UNIT + "\\b|\\b(annually|yearly|monthly|weekly|each year|every year|"
            + "each month|every month)\\b|\\b(early|mid|late)[- ](\\d|\\w+ century)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_DURATION = Pattern.compile("\\b" + NUMBER + "[- ]" + UNIT + "\\b|\\b(permanently|"
            + "indefinitely|forever)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_FIGURE = Pattern.compile("\\d|\\b(once|twice|thrice|two|three|four|five|six|seven|eight|nine|ten|"
            + "eleven|twelve|dozen|hundred|thousand|million|billion|percent|per cent|half|third|quarter|majority|"
            + "minority)\\b", Pattern.CASE_INSENSITIVE);
    /** Common English words for people, organisations and roles. */
    private static final Pattern HAS_AGENT_WORD = Pattern.compile("\\b(officers?|officials?|ministers?|ministry|president|"
            + "director|manager|head|chair|chairman|secretary|commissioners?|committee|commission|council|board|"
            + "government|department|agency|authority|authorities|court|parliament|assembly|company|bank|army|"
            + "police|staff|employees?|people|person|persons|team|group|members?|leaders?|king|queen|emperor|pope|"
            + "bishop|duke|citizens|residents|partners)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_REASON = Pattern.compile("\\b(because|since|due to|owing to|as a result|results? "
            + "(in|from)|resulted|in order to|so that|so as to|aimed at|for the purpose|reasons?|therefore|thus|hence|"
            + "led to|lead to|caused?|thanks to)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_PLACE = Pattern.compile("\\b(in|at|near|across|throughout|from|to)\\s+(the\\s+)?"
            + "\\p{Lu}", Pattern.UNICODE_CHARACTER_CLASS);

    static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (ASKS_DATE.matcher(q).find()) {
            return DATE;
        }
        if (ASKS_DURATION.matcher(q).find()) {
            return DURATION;
        }
        if (ASKS_FIGURE.matcher(q).find()) {
            return FIGURE;
        }
        if (ASKS_AGENT.matcher(q).find()) {
            return AGENT;
        }
        if (ASKS_PLACE.matcher(q).find()) {
            return PLACE;
        }
        return ASKS_REASON.matcher(q).find() ? REASON : ANY;
    }

    /**
     * Whether {@code text} has wording of the kind asked for that the question does not already hold
     * (the question's own names and numbers are not its answer); always true for {@link #ANY}.
     */
    boolean cued(String text, String question) {
        return cued(masked(text, question));
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** {@code text} with every word the question also has blanked out. */
    static String masked(String text, String question) {
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (String w : NON_WORD.split(question.toLowerCase(Locale.ROOT))) {
            asked.add(w);
        }
        java.util.regex.Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, asked.contains(m.group().toLowerCase(Locale.ROOT)) ? "_" : m.group());
        }
        m.appendTail(out);
        return out.toString();
    }

    boolean cued(String text) {
        return switch (this) {
            case DATE -> HAS_DATE.matcher(text).find();
            case DURATION -> HAS_DURATION.matcher(text).find() || HAS_DATE.matcher(text).find();
            case FIGURE -> HAS_FIGURE.matcher(text).find();
            case AGENT -> !Names.in(text).isEmpty() || HAS_AGENT_WORD.matcher(text).find();
            case PLACE -> HAS_PLACE.matcher(text).find() || !Names.in(text).isEmpty();
            case REASON -> HAS_REASON.matcher(text).find();
            case ANY -> true;
        };
    }

    /** How a decline names what is missing. */
    String missing() {
        return switch (this) {
            case DATE -> "a date for this";
            case DURATION -> "a duration for this";
            case FIGURE -> "a figure for this";
            case AGENT -> "who does this";
            case PLACE -> "a place for this";
            case REASON, ANY -> "an answer to this";
        };
    }
}
