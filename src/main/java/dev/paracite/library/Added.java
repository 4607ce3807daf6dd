package dev.paracite.library;

import dev.paracite.corpus.IngestionNote;
import java.util.List;

/**
 * What adding a file did: the document and version it is now, whether it was {@code unchanged} (the
 * latest version already had exactly this content, so nothing was written), its paragraph count and
 * what ingestion noted.
 */
public record Added(String id, int version, boolean unchanged, int paragraphs, List<IngestionNote> notes) {

    public Added {
        notes = List.copyOf(notes);
    }
}
