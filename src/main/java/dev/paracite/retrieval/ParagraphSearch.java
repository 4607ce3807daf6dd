package dev.paracite.retrieval;

import java.util.List;

/**
 * The retrieval seam: ranked full-text search over paragraphs. The embedded Lucene index is the default;
 * a distributed engine can stand behind the same interface.
 */
public interface ParagraphSearch extends AutoCloseable {

    /** Up to {@code topK} paragraphs ranked by BM25 for the question's content terms; ties in document order. */
    List<Hit> search(String question, int topK);

    /**
     * The same among the paragraphs of {@code documents} (library ids; empty for all). A search over one
     * document has no other documents to leave out.
     */
    default List<Hit> search(String question, int topK, List<String> documents) {
        return search(question, topK);
    }

    Terms terms();

    /** Which index this is and whether it can be reached now; asks an index on other machines, with its timeout. */
    default IndexStatus status() {
        return IndexStatus.IN_PROCESS;
    }

    @Override
    void close();
}
