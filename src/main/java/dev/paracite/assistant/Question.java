package dev.paracite.assistant;

/** A validated question with how many paragraphs to retrieve for it. */
public record Question(String text, int topK) {

    public static final int MAX_LENGTH = 2_000;
    public static final int MAX_TOP_K = 20;
    /** Five paragraphs hold the gold paragraph for every dev question (top-3 recall is 1.0) with room for multi-paragraph answers. */
    public static final int DEFAULT_TOP_K = 5;

    public Question {
        if (text == null || text.isBlank()) {
            throw new InvalidQuestionException("The question is empty.");
        }
        text = text.strip();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            throw new InvalidQuestionException("The question is " + length + " characters long; the limit is "
                    + MAX_LENGTH + ".");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new InvalidQuestionException("topK must be between 1 and " + MAX_TOP_K + "; it was " + topK + ".");
        }
    }

    public static Question of(String text) {
        return new Question(text, DEFAULT_TOP_K);
    }
}
