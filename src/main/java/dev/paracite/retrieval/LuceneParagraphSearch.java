package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.text.Instructions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene index over one document, built once; one shared searcher, no locks. Questions are
 * analysed into terms and turned into a BM25 query directly, never through a query parser, so query
 * syntax in a question is just text. With a dense {@link Fusion}, every paragraph's embedding is
 * indexed too and the nearest paragraphs to the question's embedding join the BM25 ranking.
 */
public final class LuceneParagraphSearch implements ParagraphSearch {

    static final String TEXT = "text";
    static final String SECTION = "section";
    private static final String ORDINAL = "ordinal";
    private static final String VECTOR = "vector";
    /** Paragraphs embedded per call while indexing. */
    private static final int BATCH = 32;

    private final List<Paragraph> paragraphs;
    private final RetrievalSettings settings;
    private final Embedder embedder;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final LuceneTerms terms;
    /** The paragraph (its position in the document) of each Lucene document id, read once when the index opens. */
    private final int[] ordinals;

    private LuceneParagraphSearch(Document document, RetrievalSettings settings, Embedder embedder) throws IOException {
        this.paragraphs = document.paragraphs();
        this.settings = settings;
        this.embedder = embedder;
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
        this.terms = new LuceneTerms(analyzer, reader, document.name(), settings.synonyms());
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
    public List<Hit> search(String question, int topK) {
        List<QueryTerm> queryTerms = terms.ofQuestion(question);
        if (queryTerms.isEmpty() || topK <= 0) {
            return List.of();
        }
        try {
            Fusion fusion = settings.fusion();
            List<Scored> bm25 = top(bm25(queryTerms), fusion.dense() ? Math.max(topK, fusion.depth()) : topK);
            if (!fusion.dense()) {
                return hits(bm25, topK);
            }
            // Lucene scores a dot product d of unit vectors as (1 + d) / 2
            double floor = (1 + fusion.minSimilarity()) / 2;
            List<Scored> dense = top(new KnnFloatVectorQuery(VECTOR, embedder.embedQuery(question),
                    Math.max(topK, fusion.depth())), Math.max(topK, fusion.depth())).stream()
                    .filter(s -> s.score() >= floor).toList();
            return hits(fuse(bm25, dense, fusion), topK);
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
    }

    private Query bm25(List<QueryTerm> queryTerms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerm term : queryTerms) {
            query.add(clause(TEXT, term), BooleanClause.Occur.SHOULD);
            if (settings.sectionWeight() > 0) {
                query.add(new BoostQuery(clause(SECTION, term), settings.sectionWeight()), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    /** A paragraph (by its position in the document) and its score in one ranking. */
    private record Scored(int ordinal, double score) {}

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

    private List<Scored> top(Query query, int n) throws IOException {
        List<Scored> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
            out.add(new Scored(ordinals[sd.doc], sd.score));
        }
        return out;
    }

    /**
     * Both rankings combined as {@code fusion} says; ties go to the earlier paragraph. For a weighted sum
     * each ranking's scores are scaled to 0..1 between its worst and best (min-max), and a paragraph
     * missing from a ranking scores 0 there.
     */
    static List<Scored> fuse(List<Scored> bm25, List<Scored> dense, Fusion fusion) {
        Map<Integer, Double> scores = new HashMap<>();
        for (List<Scored> ranking : List.of(bm25, dense)) {
            boolean isDense = ranking == dense;
            double max = ranking.stream().mapToDouble(Scored::score).max().orElse(0);
            double min = ranking.stream().mapToDouble(Scored::score).min().orElse(0);
            for (int rank = 0; rank < ranking.size(); rank++) {
                Scored s = ranking.get(rank);
                double add = fusion.kind() == Fusion.Kind.RRF ? 1.0 / (fusion.param() + rank + 1)
                        : (isDense ? fusion.param() : 1 - fusion.param()) * (max > min ? (s.score() - min) / (max - min) : 1);
                scores.merge(s.ordinal(), add, Double::sum);
            }
        }
        List<Scored> fused = new ArrayList<>();
        scores.forEach((ordinal, score) -> fused.add(new Scored(ordinal, score)));
        fused.sort((x, y) -> x.score() != y.score() ? Double.compare(y.score(), x.score())
                : Integer.compare(x.ordinal(), y.ordinal()));
        return fused;
    }

    private List<Hit> hits(List<Scored> ranked, int topK) {
        List<Hit> hits = new ArrayList<>();
        for (Scored s : ranked.subList(0, Math.min(topK, ranked.size()))) {
            hits.add(new Hit(paragraphs.get(s.ordinal()), s.score(), false));
        }
        return hits;
    }

    /**
     * A term, or with the synonyms standing in for it, all scored as one term (SynonymQuery blends their
     * statistics). The term itself stays in: absent from paragraph text, it may still be in a section title.
     */
    private static Query clause(String field, QueryTerm term) {
        if (term.alternatives().isEmpty()) {
            return new TermQuery(new Term(field, term.term()));
        }
        SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field).addTerm(new Term(field, term.term()));
        term.alternatives().forEach(a -> synonyms.addTerm(new Term(field, a)));
        return synonyms.build();
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
