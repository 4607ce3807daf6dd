package dev.paracite.corpus;

import java.util.List;
import java.util.Locale;

/**
 * What a document is, as {@code GET /api/document} and {@code document --json} both show it: its name,
 * how many paragraphs, its sections, and what ingestion dropped or flagged.
 */
public record DocumentSummary(String name, int paragraphs, List<String> sections, List<Note> ingestion) {

    /** One ingestion note with its action in lower case ({@code dropped}, {@code flagged}); lines are 1-based. */
    public record Note(String action, int firstLine, int lastLine, String paragraph, String message) {
        public static Note of(IngestionNote n) {
            return new Note(n.action().name().toLowerCase(Locale.ROOT), n.firstLine(), n.lastLine(), n.paragraph(),
                    n.message());
        }
    }

    public DocumentSummary {
        sections = List.copyOf(sections);
        ingestion = List.copyOf(ingestion);
    }

    public static DocumentSummary of(Document d) {
        return new DocumentSummary(d.name(), d.paragraphs().size(), d.sections(),
                d.notes().stream().map(Note::of).toList());
    }
}
