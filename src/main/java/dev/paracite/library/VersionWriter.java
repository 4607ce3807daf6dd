package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.json.Json;
import dev.paracite.retrieval.IndexedSearch;
import dev.paracite.text.Instructions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * How a document version is stored in a library's index: one Lucene document per paragraph (stored
 * text and place, doc values for opening, the searched fields) and one entry for the version. The
 * library commits them together.
 */
final class VersionWriter {

    /** Paragraphs embedded per call while adding, when retrieval is hybrid. */
    private static final int BATCH = 32;

    private VersionWriter() {}

    /** Adds the paragraphs of version {@code info} of document {@code id} and its entry; {@code embedder} null for BM25 alone. */
    static void write(IndexWriter w, String id, String title, VersionInfo info, Document parsed, Set<String> names,
                      Embedder embedder, Progress progress) throws IOException {
        String docver = id + "@" + info.version();
        Map<String, Integer> sectionNumbers = new HashMap<>();
        for (int i = 0; i < info.sections().size(); i++) {
            sectionNumbers.putIfAbsent(info.sections().get(i), i + 1);
        }
        List<Paragraph> all = parsed.paragraphs();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Paragraph> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            List<float[]> vectors = embedder == null ? null : embedder.embedAll(batch.stream().map(Paragraph::text).toList());
            List<org.apache.lucene.document.Document> docs = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Paragraph p = batch.get(i);
                org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                doc.add(new StringField(Library.KIND, Library.PARAGRAPH, Field.Store.YES));
                doc.add(new StringField(Library.DOC, id, Field.Store.YES));
                doc.add(new StringField(Library.DOCVER, docver, Field.Store.NO));
                doc.add(new StoredField(Library.VERSION, info.version()));
                doc.add(new StoredField(Library.LABEL, p.label()));
                doc.add(new IntPoint(Library.ORD, from + i));
                doc.add(new NumericDocValuesField(Library.ORD, from + i));
                doc.add(new SortedDocValuesField(Library.P_DOCVER, new BytesRef(docver)));
                doc.add(new SortedDocValuesField(Library.P_LABEL, new BytesRef(p.label())));
                doc.add(new NumericDocValuesField(Library.P_LINE, p.line()));
                doc.add(new NumericDocValuesField(Library.P_SECTION,
                        p.section().isEmpty() ? 0 : sectionNumbers.getOrDefault(p.section(), -1)));
                doc.add(new StoredField(Library.ORD, from + i));
                doc.add(new StoredField(Library.BODY, p.text()));
                doc.add(new StoredField(Library.HEADING, p.section()));
                doc.add(new StoredField(Library.LINE, p.line()));
                // a prompt injection is never ranked into a model's context; named, it is still reached
                boolean searchable = !Instructions.addressesAnAssistant(p.text());
                searchable(doc, searchable ? p.text() : "", searchable ? p.section() : "");
                if (searchable && vectors != null) {
                    doc.add(new KnnFloatVectorField(IndexedSearch.VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                }
                docs.add(doc);
            }
            w.addDocuments(docs);
            progress.indexed(from + batch.size(), all.size());
        }
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
        w.addDocument(entry);
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
