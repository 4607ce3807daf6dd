package dev.paracite.corpus;

import java.util.ArrayList;
import java.util.List;

/** Collects ingestion notes, folding consecutive drops of the same kind into one line range. */
final class Notes {

    private final List<IngestionNote> notes = new ArrayList<>();

    void drop(int line, String paragraph, String message) {
        drop(line, line, paragraph, message);
    }

    void drop(int firstLine, int lastLine, String paragraph, String message) {
        int last = notes.size() - 1;
        if (last >= 0) {
            IngestionNote previous = notes.get(last);
            if (previous.action() == IngestionNote.Action.DROPPED && previous.message().equals(message)
                    && previous.lastLine() + 1 == firstLine) {
                notes.set(last, IngestionNote.dropped(previous.firstLine(), lastLine, paragraph, message));
                return;
            }
        }
        notes.add(IngestionNote.dropped(firstLine, lastLine, paragraph, message));
    }

    void add(IngestionNote note) {
        notes.add(note);
    }

    void flag(int line, String paragraph, String message) {
        notes.add(IngestionNote.flagged(line, paragraph, message));
    }

    void flagRange(int firstLine, int lastLine, String paragraph, String message) {
        notes.add(new IngestionNote(IngestionNote.Action.FLAGGED, firstLine, lastLine, paragraph, message));
    }

    List<IngestionNote> all() {
        return List.copyOf(notes);
    }
}
