package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * In-memory Lucene BM25 index over one document, built once; one shared searcher, no locks. Questions
 * are analysed into terms and turned into a query directly, never through a query parser, so query
 * syntax in a question is just text.
 */
public final class LuceneParagraphSearch implements ParagraphSearch {

    static final String TEXT = "text";
    static final String SECTION = "section";
    private static final String ORDINAL = "ordinal";

    private final List<Paragraph> paragraphs;
    private final RetrievalSettings settings;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final LuceneTerms terms;

    private LuceneParagraphSearch(Document document, RetrievalSettings settings) throws IOException {
        this.paragraphs = document.paragraphs();
        this.settings = settings;
        Analyzer analyzer = new ParagraphAnalyzer(settings.stemming());
        BM25Similarity similarity = new BM25Similarity(settings.k1(), settings.b());
        this.directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
            for (int i = 0; i < paragraphs.size(); i++) {
                Paragraph p = paragraphs.get(i);
                org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                doc.add(new StoredField(ORDINAL, i));
                doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
                doc.add(new TextField(SECTION, p.section(), Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        this.terms = new LuceneTerms(analyzer, reader, document.name());
    }

    public static LuceneParagraphSearch build(Document document, RetrievalSettings settings) {
        try {
            return new LuceneParagraphSearch(document, settings);
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
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (QueryTerm term : queryTerms) {
            query.add(clause(TEXT, term), BooleanClause.Occur.SHOULD);
            if (settings.sectionWeight() > 0) {
                query.add(new BoostQuery(clause(SECTION, term), settings.sectionWeight()), BooleanClause.Occur.SHOULD);
            }
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : searcher.search(query.build(), topK).scoreDocs) {
                int ordinal = searcher.storedFields().document(sd.doc).getField(ORDINAL).numericValue().intValue();
                hits.add(new Hit(paragraphs.get(ordinal), sd.score, false));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory index failed", e);
        }
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
