package dev.paracite.assistant;

import java.util.List;

/**
 * A validated question with the earlier turns of its chat (oldest first), how many paragraphs to retrieve,
 * and the documents of a library it asks (empty: all of them).
 */
public record Question(String text, List<Turn> history, int topK, List<String> documents) {

    public static final int MAX_LENGTH = 2_000;
    public static final int MAX_TOP_K = 20;
    /** Five paragraphs hold the gold paragraph for every dev question (top-3 recall is 1.0) with room for multi-paragraph answers. */
    public static final int DEFAULT_TOP_K = 5;
    public static final int MAX_HISTORY = 20;
    /**
     * Longest earlier turn used. A user's turn is a question, far shorter; an assistant's longer answer is
     * clipped to it (at a word boundary, marked with an ellipsis) rather than refused, so that one long
     * answer never breaks the next question of a chat.
     */
    public static final int MAX_TURN_LENGTH = 10_000;

    public Question {
        if (text == null || text.isBlank()) {
            throw new InvalidQuestionException("The question is empty.");
        }
        text = text.strip();
        int length = text.codePointCount(0, text.length());
        if (hasControl(text)) {
            throw new InvalidQuestionException("The question contains control characters.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidQuestionException("The question is " + length + " characters long; the limit is "
                    + MAX_LENGTH + ".");
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            throw new InvalidQuestionException("topK must be between 1 and " + MAX_TOP_K + "; it was " + topK + ".");
        }
        history = checkHistory(history == null ? List.of() : history);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public Question(String text, List<Turn> history, int topK) {
        this(text, history, topK, List.of());
    }

    public Question(String text, int topK) {
        this(text, List.of(), topK);
    }

    public static Question of(String text) {
        return new Question(text, List.of(), DEFAULT_TOP_K);
    }

    /** Control characters other than tab and line breaks: never part of a real question. */
    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r');
    }

    private static List<Turn> checkHistory(List<Turn> history) {
        if (history.size() > MAX_HISTORY) {
            throw InvalidQuestionException.history("history has " + history.size() + " turns; the limit is "
                    + MAX_HISTORY + ".");
        }
        List<Turn> checked = new java.util.ArrayList<>(history.size());
        for (int i = 0; i < history.size(); i++) {
            Turn turn = history.get(i);
            if (turn == null || !Turn.USER.equals(turn.role()) && !Turn.ASSISTANT.equals(turn.role())) {
                throw InvalidQuestionException.history("history turn " + (i + 1)
                        + " needs a role of \"user\" or \"assistant\".");
            }
            if (turn.content() == null || hasControl(turn.content())
                    || turn.role().equals(Turn.USER) && turn.content().length() > MAX_TURN_LENGTH) {
                throw InvalidQuestionException.history("history turn " + (i + 1) + " needs content of at most "
                        + MAX_TURN_LENGTH + " characters, without control characters.");
            }
            checked.add(turn.content().length() > MAX_TURN_LENGTH ? new Turn(turn.role(), clip(turn.content())) : turn);
        }
        return List.copyOf(checked);
    }

    private static String clip(String text) {
        int cut = text.lastIndexOf(' ', MAX_TURN_LENGTH - 1);
        return text.substring(0, cut > MAX_TURN_LENGTH / 2 ? cut : MAX_TURN_LENGTH - 1).stripTrailing() + "…";
    }
}
