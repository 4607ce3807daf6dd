package dev.paracite.assistant;

/**
 * A model's answer before its citations are checked. {@code declined} when the model says the
 * paragraphs do not answer the question; its text is then shown as it is, with no citations.
 */
public record Draft(String text, boolean declined) {

    public static Draft answer(String text) {
        return new Draft(text, false);
    }

    public static Draft decline(String text) {
        return new Draft(text, true);
    }
}
