package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.corpus.Paragraph;
import dev.paracite.json.Json;
import dev.paracite.retrieval.IndexedSearch;
import dev.paracite.retrieval.VersionIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Reads a library's documents back from its index when it opens: every version entry from its stored
 * fields, then the latest versions' paragraphs from doc values alone (label, section, line and order,
 * column by column, segments in parallel). Paragraph texts stay on disk until asked for
 * ({@link Paragraph#kept}), so no stored field of a paragraph is decompressed. At a million paragraphs
 * this is what restarting costs (bench/README.md, "Document library at 1M paragraphs").
 */
final class EntryReader {

    private EntryReader() {}

    /** Every kept document: its versions, oldest first, and its latest version's paragraphs in order. */
    static Map<String, Library.Entry> read(IndexSearcher searcher, Paragraph.Texts texts) throws IOException {
        Map<String, List<VersionInfo>> versions = new TreeMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        Weight entries = searcher.createWeight(new TermQuery(new Term(Library.KIND, Library.VERSION_ENTRY)),
                ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = entries.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            Bits live = leaf.reader().getLiveDocs();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live == null || live.get(doc)) {
                    org.apache.lucene.document.Document d = stored.document(doc);
                    VersionInfo info = versionInfo(d);
                    String key = VersionIndex.Version.key(d.get(Library.DOC), info.version());
                    versions.computeIfAbsent(d.get(Library.DOC), k -> new ArrayList<>()).add(info);
                    titles.put(key, d.get(Library.TITLE));
                    names.put(key, List.of(Json.read(d.get(Library.NAMES), String[].class)));
                }
            }
        }
        Map<String, Latest> latest = new HashMap<>();
        versions.forEach((id, kept) -> {
            kept.sort((a, b) -> Integer.compare(a.version(), b.version()));
            VersionInfo last = kept.get(kept.size() - 1);
            latest.put(VersionIndex.Version.key(id, last.version()), new Latest(id, last.version(), last.sections(), new Paragraph[last.paragraphs()]));
        });
        List<Runnable> leaves = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            leaves.add(() -> {
                try {
                    paragraphs(leaf.reader(), latest, texts);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        run(leaves);
        Map<String, Library.Entry> read = new TreeMap<>();
        latest.forEach((key, l) -> {
            if (Arrays.asList(l.paragraphs()).contains(null)) {
                throw new LibraryException(LibraryException.Reason.STORAGE, "The library's index is missing paragraphs of "
                        + key + "; add that document again.");
            }
            read.put(l.id(), new Library.Entry(l.id(), titles.get(key), versions.get(l.id()), List.of(l.paragraphs()),
                    Set.copyOf(names.get(key))));
        });
        return read;
    }

    /** A document's latest version and, as they are read, its paragraphs in document order. */
    private record Latest(String id, int version, List<String> sections, Paragraph[] paragraphs) {}

    /** Adds the paragraphs of latest versions that one segment holds to their {@link Latest}. */
    private static void paragraphs(LeafReader reader, Map<String, Latest> latest, Paragraph.Texts texts) throws IOException {
        SortedDocValues docvers = reader.getSortedDocValues(Library.P_DOCVER);
        if (docvers == null) {
            return;
        }
        Latest[] byOrd = new Latest[docvers.getValueCount()];
        for (int ord = 0; ord < byOrd.length; ord++) {
            byOrd[ord] = latest.get(docvers.lookupOrd(ord).utf8ToString());
        }
        SortedDocValues labels = reader.getSortedDocValues(Library.P_LABEL);
        String[] labelOf = new String[labels.getValueCount()];
        NumericDocValues ords = reader.getNumericDocValues(Library.ORD);
        NumericDocValues lines = reader.getNumericDocValues(Library.P_LINE);
        NumericDocValues sections = reader.getNumericDocValues(Library.P_SECTION);
        StoredFields stored = reader.storedFields();
        Bits live = reader.getLiveDocs();
        for (int doc = docvers.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docvers.nextDoc()) {
            Latest of = byOrd[docvers.ordValue()];
            if (of == null || live != null && !live.get(doc)) {
                continue;
            }
            labels.advanceExact(doc);
            ords.advanceExact(doc);
            lines.advanceExact(doc);
            sections.advanceExact(doc);
            int labelOrd = labels.ordValue();
            if (labelOf[labelOrd] == null) {
                labelOf[labelOrd] = labels.lookupOrd(labelOrd).utf8ToString();
            }
            String label = labelOf[labelOrd];
            int section = (int) sections.longValue();
            String heading = section == 0 ? "" : section > 0 ? of.sections().get(section - 1)
                    : stored.document(doc, Set.of(Library.HEADING)).get(Library.HEADING);
            Paragraph p = Paragraph.kept(Document.Part.qualified(of.id(), label), heading, (int) lines.longValue(),
                    new Paragraph.Source(of.id(), of.version(), label), texts);
            of.paragraphs()[(int) ords.longValue()] = p; // each paragraph its own slot: no two threads write one
        }
    }

    /**
     * The embeddings stored with the {@code paragraphs} paragraphs of version {@code docver} ({@code id@version})
     * in {@code reader}, in order: null for a paragraph stored without one (left out of search).
     */
    static List<float[]> vectors(IndexReader reader, String docver, int paragraphs) throws IOException {
        float[][] vectors = new float[paragraphs][];
        Term version = new Term(Library.DOCVER, docver);
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            PostingsEnum docs = r.postings(version, PostingsEnum.NONE);
            FloatVectorValues values = r.getFloatVectorValues(IndexedSearch.VECTOR);
            NumericDocValues ords = r.getNumericDocValues(Library.ORD);
            if (docs == null || values == null || ords == null) {
                continue;
            }
            Bits live = r.getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                // the version's entry has no order, and a paragraph left out of search no vector
                if (live != null && !live.get(doc) || !ords.advanceExact(doc)) {
                    continue;
                }
                if (values.docID() < doc) {
                    values.advance(doc);
                }
                if (values.docID() == doc && ords.longValue() < paragraphs) {
                    vectors[(int) ords.longValue()] = values.vectorValue().clone();
                }
            }
        }
        return Arrays.asList(vectors);
    }

    /** Runs the tasks on as many threads as there are processors; the first failure is thrown. */
    private static void run(List<Runnable> tasks) throws IOException {
        int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            tasks.forEach(t -> done.add(pool.submit(t)));
            for (Future<?> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the library", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static VersionInfo versionInfo(org.apache.lucene.document.Document d) {
        try {
            List<String> sections = List.of(Json.read(d.get(Library.SECTIONS), String[].class));
            List<IngestionNote> notes = List.of(Json.read(d.get(Library.NOTES), IngestionNote[].class));
            return new VersionInfo(d.getField(Library.VERSION).numericValue().intValue(), d.get(Library.SHA),
                    Instant.ofEpochMilli(d.getField(Library.ADDED).numericValue().longValue()), d.get(Library.SOURCE),
                    d.get(Library.FORMAT_FIELD), d.getField(Library.COUNT).numericValue().intValue(), sections, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
