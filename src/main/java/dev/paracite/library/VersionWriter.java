package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.json.Json;
import dev.paracite.retrieval.IndexedSearch;
import dev.paracite.retrieval.VersionIndex;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * How a document version is stored in a library's index: one Lucene document per paragraph (stored
 * text and place, doc values for opening, the searched fields) and one entry for the version, staged in
 * an index of their own that the library adds whole and commits.
 */
final class VersionWriter {

    /** Paragraphs embedded per call while adding, when retrieval is hybrid. */
    private static final int BATCH = 32;

    private VersionWriter() {}

    /**
     * The paragraphs of version {@code info} of document {@code id} and its entry, indexed with {@code
     * config} into a directory of their own in memory ({@code embedder} null for BM25 alone): adds run side
     * by side without waiting for each other, and the library's index is untouched until it adds the
     * staged index whole ({@link IndexWriter#addIndexes}) and commits. The documents are made as Lucene
     * reads them, a batch of embeddings at a time, reporting progress as it goes.
     */
    static Directory stage(IndexWriterConfig config, String id, String title, VersionInfo info, Document parsed,
                           Set<String> names, Embedder embedder, Progress progress) throws IOException {
        Directory staged = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(staged, config)) {
            write(w, id, title, info, parsed, names, embedder, progress);
            w.commit();
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
        return staged;
    }

    private static void write(IndexWriter w, String id, String title, VersionInfo info, Document parsed, Set<String> names,
                              Embedder embedder, Progress progress) throws IOException {
        String docver = VersionIndex.Version.key(id, info.version());
        Map<String, Integer> sectionNumbers = new HashMap<>();
        for (int i = 0; i < info.sections().size(); i++) {
            sectionNumbers.putIfAbsent(info.sections().get(i), i + 1);
        }
        List<Paragraph> all = parsed.paragraphs();
        // the parser noted which paragraphs read as instructions to an assistant; they are not searched
        Set<String> leftOut = IngestionNote.leftOutOfSearch(parsed.notes());
        Iterable<org.apache.lucene.document.Document> documents = () -> new Iterator<>() {
            private int next;
            private List<float[]> vectors;

            @Override
            public boolean hasNext() {
                return next <= all.size();
            }

            @Override
            public org.apache.lucene.document.Document next() {
                if (next > all.size()) {
                    throw new NoSuchElementException();
                }
                if (next == all.size()) {
                    next++;
                    return entry(id, docver, title, info, names);
                }
                if (embedder != null && next % BATCH == 0) {
                    vectors = embedder.embedAll(all.subList(next, Math.min(all.size(), next + BATCH)).stream()
                            .map(Paragraph::text).toList());
                }
                int ord = next++;
                float[] vector = vectors == null ? null : vectors.get(ord % BATCH);
                Paragraph p = all.get(ord);
                org.apache.lucene.document.Document doc = paragraph(id, docver, info.version(), p, ord, sectionNumbers,
                        leftOut.contains(p.label()) ? null : vector, !leftOut.contains(p.label()));
                if (next % BATCH == 0 || next == all.size()) {
                    progress.indexed(next, all.size());
                }
                return doc;
            }
        };
        w.addDocuments(documents);
    }

    private static org.apache.lucene.document.Document paragraph(String id, String docver, int version, Paragraph p, int ord,
                                                                 Map<String, Integer> sectionNumbers, float[] vector,
                                                                 boolean searchable) {
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(Library.KIND, Library.PARAGRAPH, Field.Store.YES));
        doc.add(new StringField(Library.DOC, id, Field.Store.YES));
        doc.add(new StringField(Library.DOCVER, docver, Field.Store.NO));
        doc.add(new StoredField(Library.VERSION, version));
        doc.add(new StoredField(Library.LABEL, p.label()));
        doc.add(new IntPoint(Library.ORD, ord));
        doc.add(new NumericDocValuesField(Library.ORD, ord));
        doc.add(new SortedDocValuesField(Library.P_DOCVER, new BytesRef(docver)));
        doc.add(new SortedDocValuesField(Library.P_LABEL, new BytesRef(p.label())));
        doc.add(new NumericDocValuesField(Library.P_LINE, p.line()));
        doc.add(new NumericDocValuesField(Library.P_SECTION,
                p.section().isEmpty() ? 0 : sectionNumbers.getOrDefault(p.section(), -1)));
        doc.add(new StoredField(Library.ORD, ord));
        doc.add(new StoredField(Library.BODY, p.text()));
        doc.add(new StoredField(Library.HEADING, p.section()));
        doc.add(new StoredField(Library.LINE, p.line()));
        // a prompt injection is never ranked into a model's context; named, it is still reached
        searchable(doc, searchable ? p.text() : "", searchable ? p.section() : "");
        if (searchable && vector != null) {
            doc.add(new KnnFloatVectorField(IndexedSearch.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    private static org.apache.lucene.document.Document entry(String id, String docver, String title, VersionInfo info,
                                                             Set<String> names) {
        org.apache.lucene.document.Document entry = new org.apache.lucene.document.Document();
        searchable(entry, "", "");
        entry.add(new StringField(Library.KIND, Library.VERSION_ENTRY, Field.Store.YES));
        entry.add(new StringField(Library.DOC, id, Field.Store.YES));
        entry.add(new StringField(Library.DOCVER, docver, Field.Store.NO));
        entry.add(new StoredField(Library.VERSION, info.version()));
        entry.add(new StoredField(Library.TITLE, title));
        entry.add(new StoredField(Library.SHA, info.sha256()));
        entry.add(new StoredField(Library.ADDED, info.added().toEpochMilli()));
        entry.add(new StoredField(Library.SOURCE, info.source()));
        entry.add(new StoredField(Library.FORMAT_FIELD, info.format()));
        entry.add(new StoredField(Library.COUNT, info.paragraphs()));
        entry.add(new StoredField(Library.SECTIONS, Json.write(info.sections())));
        entry.add(new StoredField(Library.NOTES, Json.write(info.notes())));
        entry.add(new StoredField(Library.NAMES, Json.write(names)));
        return entry;
    }

    /**
     * The searched fields. Every document has them, empty where nothing is to be found (an entry, an
     * injection): norms are then dense, which makes flushing and merging cheaper, and an empty field adds
     * no term, so BM25's statistics are those of the searchable paragraphs alone.
     */
    private static void searchable(org.apache.lucene.document.Document doc, String text, String section) {
        doc.add(new TextField(IndexedSearch.TEXT, text, Field.Store.NO));
        doc.add(new TextField(IndexedSearch.SECTION, section, Field.Store.NO));
    }
}
