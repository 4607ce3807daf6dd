package dev.paracite.library;

import dev.paracite.corpus.IngestionNote;
import java.time.Instant;
import java.util.List;

/**
 * One stored version of a document: its number (1, 2, ...), the SHA-256 of the file's bytes, when it was
 * added, the file it came from and its detected format, its paragraph count, sections and ingestion notes.
 */
public record VersionInfo(int version, String sha256, Instant added, String source, String format, int paragraphs,
                          List<String> sections, List<IngestionNote> notes) {

    public VersionInfo {
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }
}
