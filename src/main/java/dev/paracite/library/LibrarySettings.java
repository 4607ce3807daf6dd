package dev.paracite.library;

import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.RetrievalSettings;

/**
 * How a library indexes and keeps documents: the retrieval settings (analysis and BM25; with a dense
 * fusion, {@code embedder} embeds every paragraph as it is added), how many versions of each document
 * are kept ({@code keepVersions}, 0 for all) and the largest file accepted. The {@code embedder} is the
 * run's one embedding model, which whatever answers from the library uses too.
 */
public record LibrarySettings(RetrievalSettings retrieval, Embedder embedder, int keepVersions, long maxUpload) {

    /** BM25 without an embedding model: for a library that is filled and read but never answers from (tests). */
    public static LibrarySettings bm25() {
        return new LibrarySettings(RetrievalSettings.BM25, null, 0, Library.DEFAULT_MAX_UPLOAD);
    }
}
