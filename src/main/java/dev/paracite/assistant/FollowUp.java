package dev.paracite.assistant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question standalone without a language model: when it points back ("What about
 * its budget?", "Why?"), the previous question is appended so retrieval sees what "it" was; a
 * follow-up that names its own subject is left alone.
 */
public final class FollowUp implements Condenser {

    public static final FollowUp INSTANCE = new FollowUp();

    private static final Pattern POINTS_BACK = Pattern.compile(
            "\\b(it|its|it's|they|them|their|theirs|this|that|these|those|he|she|his|her|same|above|"
                    + "previous|former|latter|else|more)\\b");
    /** A follow-up this short ("Why?", "And the borders?") leans on the previous question. */
    private static final int SHORT = 3;

    private FollowUp() {}

    /** The question to retrieve and answer with: {@code question} itself, or with the previous user question. */
    @Override
    public String standalone(String question, List<Turn> history) {
        String previous = null;
        for (int i = history.size() - 1; i >= 0 && previous == null; i--) {
            if (history.get(i).role().equals(Turn.USER) && !history.get(i).content().isBlank()) {
                previous = history.get(i).content().strip();
            }
        }
        if (previous == null) {
            return question;
        }
        String lower = question.toLowerCase(Locale.ROOT);
        boolean shortOne = lower.split("[^\\p{L}\\p{N}]+").length <= SHORT;
        return shortOne || POINTS_BACK.matcher(lower).find() ? question + " " + previous : question;
    }
}
