package dev.paracite.corpus;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something the parser did not take at face value: text it dropped as a repeat, or an oddity it kept
 * but flags (a number reused with different text, numbers out of order). Lines are 1-based.
 */
public record IngestionNote(Action action, int firstLine, int lastLine, String paragraph, String message) {

    public enum Action { DROPPED, FLAGGED }

    static IngestionNote dropped(int firstLine, int lastLine, String paragraph, String message) {
        return new IngestionNote(Action.DROPPED, firstLine, lastLine, paragraph, message);
    }

    static IngestionNote flagged(int line, String paragraph, String message) {
        return new IngestionNote(Action.FLAGGED, line, line, paragraph, message);
    }

    /** The note on a paragraph that reads as instructions to an AI assistant, which search leaves out. */
    static IngestionNote instructions(int line, String paragraph) {
        return flagged(line, paragraph, instructionsMessage(paragraph));
    }

    /** Whether this is the note {@link #instructions} makes: what an index leaves out of search, as the user is told. */
    public boolean leavesOutOfSearch() {
        return action == Action.FLAGGED && message.equals(instructionsMessage(paragraph));
    }

    /** The labels of the paragraphs {@code notes} leave out of search. */
    public static Set<String> leftOutOfSearch(Collection<IngestionNote> notes) {
        return notes.stream().filter(IngestionNote::leavesOutOfSearch).map(IngestionNote::paragraph)
                .collect(Collectors.toSet());
    }

    private static String instructionsMessage(String paragraph) {
        return "paragraph " + paragraph + " reads as instructions to an AI assistant; search leaves it out, and it is "
                + "reached only by its number";
    }

    /** One line for a log or a terminal, e.g. {@code dropped lines 44-45 (paragraph 14): ...}. */
    public String describe() {
        String lines = firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + "-" + lastLine;
        return action.name().toLowerCase() + " " + lines + ": " + message;
    }
}
