package dev.paracite.retrieval;

import java.util.List;

/**
 * The retrieval seam: ranked full-text search over one document's paragraphs. The embedded Lucene index
 * is the default; a distributed engine can stand behind the same interface.
 */
public interface ParagraphSearch extends AutoCloseable {

    /** Up to {@code topK} paragraphs ranked by BM25 for the question's content terms; ties in document order. */
    List<Hit> search(String question, int topK);

    Terms terms();

    @Override
    void close();
}
