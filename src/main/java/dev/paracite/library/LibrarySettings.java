package dev.paracite.library;

import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.RetrievalSettings;

/**
 * How a library indexes and keeps documents: the retrieval settings (analysis and BM25; with a dense
 * fusion, {@code embedder} embeds every paragraph as it is added), how many versions of each document
 * are kept ({@code keepVersions}, 0 for all) and the largest file accepted.
 */
public record LibrarySettings(RetrievalSettings retrieval, Embedder embedder, int keepVersions, long maxUpload) {

    public static LibrarySettings bm25() {
        return new LibrarySettings(RetrievalSettings.BM25, null, 0, Library.DEFAULT_MAX_UPLOAD);
    }
}
