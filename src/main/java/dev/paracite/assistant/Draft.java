package dev.paracite.assistant;

/**
 * A model's answer before it is checked. {@code declined} when the model says the paragraphs do not
 * answer the question; its text is then shown as it is, with no citations. {@code complete} is false
 * when the model stopped before finishing (a length limit, or a stream that ended without its end
 * marker): its last, unfinished statement is then dropped. {@code note}, when not null, is a sentence
 * about the answer for the response's notice (e.g. that a named paragraph did not say it, another did).
 */
public record Draft(String text, boolean declined, boolean complete, String note) {

    public static Draft answer(String text) {
        return new Draft(text, false, true, null);
    }

    public static Draft decline(String text) {
        return new Draft(text, true, true, null);
    }

    /** An answer the model did not finish. */
    public static Draft unfinished(String text) {
        return new Draft(text, false, false, null);
    }

    /** The same draft with a note for the notice. */
    public Draft noted(String sentence) {
        return new Draft(text, declined, complete, sentence);
    }
}
