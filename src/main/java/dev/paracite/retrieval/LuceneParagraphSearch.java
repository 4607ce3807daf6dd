package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.text.Instructions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene index over one document, built once; one shared searcher, no locks. With a dense
 * {@link Fusion}, every paragraph's embedding is indexed too.
 */
public final class LuceneParagraphSearch extends IndexedSearch {

    private static final String ORDINAL = "ordinal";
    /** Paragraphs embedded per call while indexing. */
    private static final int BATCH = 32;

    private final List<Paragraph> paragraphs;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final LuceneTerms terms;
    /** The paragraph (its position in the document) of each Lucene document id, read once when the index opens. */
    private final int[] ordinals;

    private LuceneParagraphSearch(Document document, RetrievalSettings settings, Embedder embedder) throws IOException {
        super(settings, embedder);
        this.paragraphs = document.paragraphs();
        Analyzer analyzer = new ParagraphAnalyzer(settings.stemming());
        BM25Similarity similarity = new BM25Similarity(settings.k1(), settings.b());
        this.directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
            for (int from = 0; from < paragraphs.size(); from += BATCH) {
                List<Paragraph> batch = paragraphs.subList(from, Math.min(paragraphs.size(), from + BATCH));
                List<float[]> vectors = embedder == null ? null : embedder.embedAll(batch.stream().map(Paragraph::text).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Paragraph p = batch.get(i);
                    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                    doc.add(new NumericDocValuesField(ORDINAL, from + i));
                    // a prompt injection is never ranked into a model's context; named, it is still reached
                    if (Instructions.addressesAnAssistant(p.text())) {
                        writer.addDocument(doc);
                        continue;
                    }
                    doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
                    doc.add(new TextField(SECTION, p.section(), Field.Store.NO));
                    if (vectors != null) {
                        doc.add(new KnnFloatVectorField(VECTOR, vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
                    }
                    writer.addDocument(doc);
                }
            }
        }
        this.reader = DirectoryReader.open(directory);
        this.ordinals = ordinals(reader);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        this.terms = new LuceneTerms(analyzer, LuceneTerms.statistics(reader), document.name(), settings.synonyms());
    }

    /** A BM25-only index; {@code settings} must not ask for a dense ranking. */
    public static LuceneParagraphSearch build(Document document, RetrievalSettings settings) {
        return build(document, settings, null);
    }

    /** An index whose dense ranking, if {@code settings} asks for one, comes from {@code embedder}. */
    public static LuceneParagraphSearch build(Document document, RetrievalSettings settings, Embedder embedder) {
        if (settings.fusion().dense() && embedder == null) {
            throw new IllegalArgumentException("hybrid retrieval needs an embedding model");
        }
        try {
            return new LuceneParagraphSearch(document, settings, settings.fusion().dense() ? embedder : null);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
    }

    @Override
    protected IndexSearcher acquire() {
        return searcher;
    }

    @Override
    protected void release(IndexSearcher searcher) {
        // one searcher for the index's life
    }

    @Override
    protected Query filter(List<String> documents) {
        return null;
    }

    @Override
    protected Paragraph paragraph(IndexSearcher searcher, int doc) {
        return paragraphs.get(ordinals[doc]);
    }

    private static int[] ordinals(DirectoryReader reader) throws IOException {
        int[] ordinals = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                ordinals[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return ordinals;
    }

    @Override
    public Terms terms() {
        return terms;
    }

    /** Bytes the in-memory index occupies (for benchmarks and capacity planning). */
    public long indexBytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
