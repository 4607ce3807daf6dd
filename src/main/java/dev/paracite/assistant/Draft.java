package dev.paracite.assistant;

/**
 * A model's answer before its citations are checked. {@code declined} when the model says the
 * paragraphs do not answer the question; its text is then shown as it is, with no citations.
 * {@code model} names who wrote it when that is not the configured model (a fallback), and
 * {@code notice} says why; both are null otherwise.
 */
public record Draft(String text, boolean declined, String model, String notice) {

    public static Draft answer(String text) {
        return new Draft(text, false, null, null);
    }

    public static Draft decline(String text) {
        return new Draft(text, true, null, null);
    }

    /** The same draft, marked as written by {@code model} for the reason in {@code notice}. */
    public Draft by(String model, String notice) {
        return new Draft(text, declined, model, notice);
    }
}
