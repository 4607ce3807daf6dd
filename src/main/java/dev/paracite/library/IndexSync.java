package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.VersionIndex;
import dev.paracite.retrieval.VersionIndex.Version;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a library's search index on other machines holding what the library keeps, the library being the
 * source of truth: a version is sent once it is committed here, and published only then; a removed
 * document, and a version retention drops, is deleted. Reconciling compares the paragraphs the index holds
 * of each version (one request) with the library's, sends what is missing or short and deletes what the
 * library no longer keeps: it runs when the library opens, and before a search once the index was
 * unreachable, so a crash between the two commits, or an add while the index was down, heals itself.
 * Until then searches fail with {@link IndexUnavailableException}. Only the process that may write the
 * library writes its index.
 */
final class IndexSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);

    /** What the library keeps, as reconciling reads it. */
    interface Kept {
        /** Every kept version: its paragraph count and notes (what search leaves out). */
        Map<Version, VersionInfo> versions();

        /** A kept version's paragraphs in order; empty when it is no longer kept. */
        List<Paragraph> paragraphs(Version version);

        /**
         * A kept version's embeddings, one a paragraph in order (null for one left out of search), with
         * hybrid retrieval; null with BM25 alone.
         */
        List<float[]> vectors(Version version, int paragraphs);
    }

    private final VersionIndex index;
    private final Kept kept;
    private final boolean writes;
    /** Whether the index is known to hold what the library keeps. */
    private volatile boolean synced;

    IndexSync(VersionIndex index, Kept kept, boolean writes) {
        this.index = index;
        this.kept = kept;
        this.writes = writes;
        this.synced = !writes;
    }

    /** Reconciles; false, with a warning, when the index cannot be reached (it is tried again before a search). */
    synchronized boolean reconcile() {
        try {
            reconcileOrFail();
            return true;
        } catch (IndexUnavailableException e) {
            behind(e);
            return false;
        }
    }

    private synchronized void reconcileOrFail() {
        if (synced) {
            return;
        }
        Map<Version, Long> held = index.counts();
        Map<Version, VersionInfo> versions = kept.versions();
        int sent = 0;
        for (Map.Entry<Version, VersionInfo> v : versions.entrySet()) {
            long expected = v.getValue().paragraphs();
            Long count = held.get(v.getKey());
            if (count == null || count != expected) {
                if (count != null && count > expected) {
                    index.delete(List.of(v.getKey()));
                }
                List<Paragraph> paragraphs = kept.paragraphs(v.getKey());
                if (!paragraphs.isEmpty()) {
                    index.put(v.getKey(), paragraphs, IngestionNote.leftOutOfSearch(v.getValue().notes()),
                            kept.vectors(v.getKey(), paragraphs.size()));
                    sent++;
                }
            }
        }
        List<Version> stale = held.keySet().stream().filter(v -> !versions.containsKey(v)).toList();
        if (!stale.isEmpty()) {
            index.delete(stale);
        }
        if (sent > 0 || !stale.isEmpty()) {
            index.commit();
            LOG.info("the library's search index caught up: {} versions sent, {} deleted", sent, stale.size());
        }
        synced = true;
    }

    private void behind(RuntimeException e) {
        synced = false;
        LOG.warn("{}; the library's search index catches up when it answers (asks answer 503 index_unavailable until then)",
                e.getMessage());
    }

    /**
     * A version committed here: sent, with its embeddings when {@code vectors} gives them (read only now, so
     * that failing to is as the index failing), and with the deletion of the versions retention dropped,
     * then {@code publish}ed (so that no search looks for a version the index lacks, and no reconciling sees
     * it half done). An index that is behind or cannot be reached is left to catch up later.
     */
    synchronized void added(Version version, List<Paragraph> paragraphs, Set<String> leftOut,
                            Supplier<List<float[]>> vectors, List<Version> dropped, Runnable publish) {
        if (writes && synced) {
            try {
                index.put(version, paragraphs, leftOut, vectors.get());
                if (!dropped.isEmpty()) {
                    index.delete(dropped);
                }
                index.commit();
            } catch (RuntimeException e) { // unreachable, or refused: committed here, so kept, and caught up later
                behind(e);
            }
        }
        publish.run();
    }

    /** A document removed here: {@code publish}ed, then deleted from the index (or left to reconciling). */
    synchronized void removed(String id, Runnable publish) {
        publish.run();
        if (writes && synced) {
            try {
                index.delete(id);
                index.commit();
            } catch (RuntimeException e) {
                behind(e);
            }
        }
    }

    /** Whether the index may not hold what the library keeps (it catches up before the next search). */
    boolean behind() {
        return !synced;
    }

    /**
     * Search over the latest versions, {@code latest} by id, whose paragraphs are {@code corpus}'s ({@code
     * embedder} embeds questions with hybrid retrieval; null with BM25 alone).
     */
    ParagraphSearch search(Document corpus, Map<String, Integer> latest, String names, RetrievalSettings settings,
                           Embedder embedder) {
        return new Synced(index.search(corpus, latest, names, settings, embedder));
    }

    @Override
    public void close() {
        index.close();
    }

    /** A search that first has the index catch up when it is behind, and notices when it cannot be reached. */
    private final class Synced implements ParagraphSearch {
        private final ParagraphSearch search;

        Synced(ParagraphSearch search) {
            this.search = Objects.requireNonNull(search);
        }

        @Override
        public List<Hit> search(String question, int topK) {
            return search(question, topK, List.of());
        }

        @Override
        public List<Hit> search(String question, int topK, List<String> documents) {
            if (!synced) {
                reconcileOrFail();
            }
            try {
                return search.search(question, topK, documents);
            } catch (IndexUnavailableException e) {
                if (writes) {
                    synced = false; // what it holds is checked again once it answers
                }
                throw e;
            }
        }

        @Override
        public IndexStatus status() {
            IndexStatus status = search.status();
            if (!status.reachable() && writes) {
                synced = false;
            } else if (!synced && !reconcile()) {
                return new IndexStatus(status.backend(), false);
            }
            return status;
        }

        @Override
        public Terms terms() {
            return search.terms();
        }

        @Override
        public void close() {
            // the library owns the index
        }
    }
}
