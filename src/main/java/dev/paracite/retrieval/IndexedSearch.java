package dev.paracite.retrieval;

import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Fusion.Scored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Ranked search over paragraphs indexed in Lucene, wherever the index lives (in memory for one document,
 * on disk for a library). Questions are analysed into terms and turned into a BM25 query directly, never
 * through a query parser, so query syntax in a question is just text. With a dense {@link Fusion}, the
 * nearest paragraphs to the question's embedding join the BM25 ranking. Subclasses say which searcher to
 * use, which indexed paragraphs may be found, and what paragraph a hit is.
 */
public abstract class IndexedSearch implements ParagraphSearch {

    /** Indexed paragraph text. */
    public static final String TEXT = "text";
    /** Indexed section title. */
    public static final String SECTION = "section";
    /** The paragraph's embedding, when retrieval is hybrid. */
    public static final String VECTOR = "vector";

    private final RetrievalSettings settings;
    private final Embedder embedder;

    protected IndexedSearch(RetrievalSettings settings, Embedder embedder) {
        this.settings = settings;
        this.embedder = embedder;
    }

    /** A searcher to use for one search, given back with {@link #release}. */
    protected abstract IndexSearcher acquire() throws IOException;

    protected abstract void release(IndexSearcher searcher) throws IOException;

    /** Restricts a search to the paragraphs it may find ({@code documents}: ids to keep, empty for all); null for no restriction. */
    protected abstract Query filter(List<String> documents);

    /** The paragraph Lucene document {@code doc} of {@code searcher} holds. */
    protected abstract Paragraph paragraph(IndexSearcher searcher, int doc) throws IOException;

    @Override
    public List<Hit> search(String question, int topK) {
        return search(question, topK, List.of());
    }

    @Override
    public List<Hit> search(String question, int topK, List<String> documents) {
        List<QueryTerm> queryTerms = terms().ofQuestion(question);
        if (queryTerms.isEmpty() || topK <= 0) {
            return List.of();
        }
        try {
            IndexSearcher searcher = acquire();
            try {
                return search(searcher, question, queryTerms, topK, filter(documents));
            } finally {
                release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        }
    }

    private List<Hit> search(IndexSearcher searcher, String question, List<QueryTerm> queryTerms, int topK, Query filter)
            throws IOException {
        Fusion fusion = settings.fusion();
        int depth = fusion.depthFor(topK);
        List<Scored> bm25 = top(searcher, filtered(bm25(queryTerms), filter), depth);
        if (!fusion.dense()) {
            return hits(searcher, bm25, topK);
        }
        List<Scored> dense = top(searcher, new KnnFloatVectorQuery(VECTOR, embedder.embedQuery(question), depth, filter),
                depth);
        return hits(searcher, fusion.fuse(bm25, dense), topK);
    }

    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER)
                .build();
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

    private static List<Scored> top(IndexSearcher searcher, Query query, int n) throws IOException {
        List<Scored> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, n).scoreDocs) {
            out.add(new Scored(sd.doc, sd.score));
        }
        return out;
    }

    private List<Hit> hits(IndexSearcher searcher, List<Scored> ranked, int topK) throws IOException {
        List<Hit> hits = new ArrayList<>();
        for (Scored s : ranked) {
            if (hits.size() == topK) {
                break;
            }
            Paragraph p = paragraph(searcher, s.key());
            if (p != null) {
                hits.add(new Hit(p, s.score(), false));
            }
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
}
