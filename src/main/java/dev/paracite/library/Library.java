package dev.paracite.library;

import dev.paracite.corpus.Paragraph;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The user's documents, kept in a data directory as one Lucene index on disk: every paragraph of every
 * kept version with its text, label, section, document and version as stored fields, and one entry per
 * version (title, hash, source file, format, sections, ingestion notes). Adding a version is one Lucene
 * commit, so it becomes visible whole or not at all; opening the directory reads the index, never the
 * files again. One writer at a time (Lucene's write lock); readers see each commit at once.
 */
public final class Library implements AutoCloseable {

    /** Files larger than this are refused by default. */
    public static final long DEFAULT_MAX_UPLOAD = 20L * 1024 * 1024;

    private Library() {}

    /**
     * Opens (creating if needed) the library in {@code dir}.
     *
     * @throws LibraryException with one sentence when the directory cannot be created, read or written,
     *                          is locked by another process, or holds a library built with other settings
     */
    public static Library open(Path dir, LibrarySettings settings) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Adds {@code upload} as a new version of its document (version 1 of a new one); content identical to
     * the latest version's is a no-op ({@link Added#unchanged()}).
     *
     * @throws dev.paracite.corpus.DocumentException when the file cannot be read as a document (one sentence)
     * @throws LibraryException                      when the library cannot store it; the library is unchanged
     */
    public Added add(Upload upload, Progress progress) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The documents, by id. */
    public List<DocumentInfo> documents() {
        throw new UnsupportedOperationException("in progress");
    }

    public Optional<DocumentInfo> document(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Removes a document with all its versions; false when there is no such document. */
    public boolean remove(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The paragraph as version {@code version} of document {@code id} has it, while that version is kept. */
    public Optional<Paragraph> paragraph(String id, int version, String label) {
        throw new UnsupportedOperationException("in progress");
    }

    /**
     * Up to {@code limit} paragraphs of a version in document order, from {@code cursor} (null: the start).
     *
     * @throws LibraryException when the document, version or cursor is unknown
     */
    public ParagraphPage paragraphs(String id, int version, int limit, String cursor) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The latest versions, for answering; the same object until the library changes. */
    public Corpus corpus() {
        throw new UnsupportedOperationException("in progress");
    }

    public Path directory() {
        throw new UnsupportedOperationException("in progress");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("in progress");
    }
}
