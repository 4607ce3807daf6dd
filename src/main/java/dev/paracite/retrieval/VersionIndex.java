package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search index on other machines that holds the paragraphs of document versions kept elsewhere (a
 * library): it is told what to hold, version by version, and searches the latest ones. It is derived
 * data: whoever keeps the versions can send them again. Every call has a timeout; an index that cannot be
 * reached is an {@link IndexUnavailableException}.
 */
public interface VersionIndex extends AutoCloseable {

    /** One version of one document. */
    record Version(String document, int version) {
        /** How the library's index and a search index name it: {@code id@version}. */
        public String key() {
            return key(document, version);
        }

        public static String key(String document, int version) {
            return document + "@" + version;
        }
    }

    /**
     * Sends the paragraphs of a version, in order, replacing what the index holds of it; those labelled in
     * {@code leftOut} are held but never found (they read as instructions to an assistant). {@code vectors}
     * are their embeddings, one a paragraph in the same order (null for one left out), with hybrid
     * retrieval; null with BM25 alone. Visible after {@link #commit}.
     */
    void put(Version version, List<Paragraph> paragraphs, Set<String> leftOut, List<float[]> vectors);

    /** Deletes every version of {@code document}; visible after {@link #commit}. */
    void delete(String document);

    /** Deletes these versions; visible after {@link #commit}. */
    void delete(Collection<Version> versions);

    /** Makes what was sent or deleted searchable. */
    void commit();

    /** How many paragraphs the index holds of each version it holds, in one request. */
    Map<Version, Long> counts();

    /**
     * Search over the versions in {@code latest} (version by document id), whose paragraphs are {@code
     * corpus}'s: a hit is the corpus's paragraph of its label ({@code travel §4} when the corpus has several
     * documents). {@code names} are words naming the documents (see {@link LuceneTerms}). With hybrid
     * retrieval, {@code embedder} embeds the question (the model the versions' vectors came from); null
     * with BM25 alone.
     */
    ParagraphSearch search(Document corpus, Map<String, Integer> latest, String names, RetrievalSettings settings,
                           Embedder embedder);

    /** Which index this is and whether it answers now. */
    IndexStatus status();

    @Override
    void close();
}
