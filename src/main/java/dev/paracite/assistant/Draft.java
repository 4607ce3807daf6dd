package dev.paracite.assistant;

/**
 * A model's answer before it is checked. {@code declined} when the model says the paragraphs do not
 * answer the question; its text is then shown as it is, with no citations. {@code complete} is false
 * when the model stopped before finishing (a length limit, or a stream that ended without its end
 * marker): its last, unfinished statement is then dropped.
 */
public record Draft(String text, boolean declined, boolean complete) {

    public static Draft answer(String text) {
        return new Draft(text, false, true);
    }

    public static Draft decline(String text) {
        return new Draft(text, true, true);
    }

    /** An answer the model did not finish. */
    public static Draft unfinished(String text) {
        return new Draft(text, false, false);
    }
}
