package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Fusion;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.LuceneTerms;
import dev.paracite.retrieval.ParagraphAnalyzer;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Terms;
import dev.paracite.text.Instructions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;

/**
 * Search over one document's paragraphs kept in a SolrCloud collection set up by
 * {@link SolrCollections}: the same analysis, the same query and the same ranking as the in-process
 * index, with term statistics taken across all shards; with hybrid retrieval, the paragraphs' embeddings
 * in the collection too, their nearest neighbours to the question fused with BM25's ranking as in process
 * ({@link Fusion#fuse}). Every call has a timeout; a Solr that cannot be
 * reached or does not answer in time is an {@link IndexUnavailableException}.
 */
public final class SolrParagraphSearch implements ParagraphSearch {

    private static final String DIGEST = SolrQueries.DIGEST;
    /** Paragraphs embedded per call while indexing, as in process. */
    private static final int EMBED_BATCH = 32;

    private final SolrNodes nodes;
    private final Document document;
    /** The embedding model, with hybrid retrieval; null with BM25 alone. */
    private final Embedder embedder;
    private final SolrRanking ranking;
    private final SolrStatistics statistics;
    private final LuceneTerms terms;
    private final String digest;
    /** Whether the collection is known to hold this document: until then, each search checks first. */
    private volatile boolean present;

    private SolrParagraphSearch(SolrNodes nodes, Document document, RetrievalSettings settings, Embedder embedder) {
        this.nodes = nodes;
        this.document = document;
        this.embedder = embedder;
        this.ranking = new SolrRanking(nodes, settings, embedder);
        this.statistics = new SolrStatistics(nodes, () -> SolrQueries.ofDocument(document.name()));
        this.terms = new LuceneTerms(new ParagraphAnalyzer(settings.stemming()), statistics, document.name(),
                settings.synonyms());
        this.digest = digest(document, embedder != null);
    }

    /** Of the paragraphs and whether they are indexed with their embeddings. */
    private static String digest(Document document, boolean vectors) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) (vectors ? 1 : 0));
            for (Paragraph p : document.paragraphs()) {
                for (String part : List.of(p.label(), p.section(), p.text())) {
                    sha.update(part.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** BM25 search over {@code document} in {@code target}'s collection: {@link #open(SolrTarget, Document, RetrievalSettings, Embedder)} without embeddings. */
    public static SolrParagraphSearch open(SolrTarget target, Document document, RetrievalSettings settings) {
        return open(target, document, settings, null);
    }

    /**
     * Search over {@code document} in {@code target}'s collection (see {@link #index} to put it there), with
     * {@code settings} and {@code embedder} as {@link SolrRanking#check} allows.
     */
    public static SolrParagraphSearch open(SolrTarget target, Document document, RetrievalSettings settings,
                                           Embedder embedder) {
        SolrRanking.check(settings, embedder);
        return new SolrParagraphSearch(new SolrNodes(target), document, settings, embedder);
    }

    /**
     * Indexes the document unless the collection holds exactly these paragraphs already (by their digest),
     * so that every process starting over the same document does not index it again.
     */
    public synchronized void indexUnlessPresent() {
        if (present) {
            return;
        }
        SolrQuery check = SolrQueries.ofDocument(document.name()).setQuery("*:*").setRows(0);
        check.addFilterQuery("{!term f=" + DIGEST + " v=$digest}");
        check.set("digest", digest);
        long found = nodes.query("the document check", check).getResults().getNumFound();
        if (found != document.paragraphs().size()) {
            index();
        }
        present = true;
    }

    /** Replaces whatever the collection holds of this document with its paragraphs, committed and searchable. */
    public synchronized void index() {
        nodes.deleteByQuery("the removal of the old paragraphs", SolrQueries.deleteDocument(document.name()));
        List<Paragraph> paragraphs = document.paragraphs();
        List<float[]> vectors = vectors(paragraphs);
        List<SolrInputDocument> docs = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            docs.add(solrDocument(paragraphs.get(i), i, vectors == null ? null : vectors.get(i)));
        }
        nodes.add(docs);
        nodes.commit();
        statistics.clear();
        present = true;
    }

    /** The paragraphs' embeddings, with hybrid retrieval; null with BM25 alone. */
    private List<float[]> vectors(List<Paragraph> batch) {
        if (embedder == null) {
            return null;
        }
        List<float[]> vectors = new ArrayList<>(batch.size());
        for (int from = 0; from < batch.size(); from += EMBED_BATCH) {
            vectors.addAll(embedder.embedAll(batch.subList(from, Math.min(batch.size(), from + EMBED_BATCH)).stream()
                    .map(Paragraph::text).toList()));
        }
        return vectors;
    }

    private SolrInputDocument solrDocument(Paragraph p, int ordinal, float[] vector) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField("id", document.name() + "/1/" + ordinal);
        doc.addField(SolrQueries.DOCUMENT, document.name());
        doc.addField("version", 1);
        doc.addField(SolrQueries.LABEL, p.label());
        doc.addField(DIGEST, digest);
        doc.addField(SolrQueries.ORDINAL, ordinal);
        // as in-process: a prompt injection is never ranked into a model's context; named, it is still reached
        if (!Instructions.addressesAnAssistant(p.text())) {
            doc.addField("text", p.text());
            doc.addField("section", p.section());
            if (vector != null) {
                doc.addField(SolrQueries.VECTOR, SolrQueries.floats(vector));
            }
        }
        return doc;
    }

    @Override
    public List<Hit> search(String question, int topK) {
        if (!present) {
            indexUnlessPresent(); // Solr was unreachable when this opened
        }
        statistics.prefetch(terms.of(question));
        List<QueryTerm> queryTerms = terms.ofQuestion(question);
        if (queryTerms.isEmpty() || topK <= 0) {
            return List.of();
        }
        return ranking.top(() -> SolrQueries.ofDocument(document.name()), question, queryTerms, topK,
                doc -> ((Number) doc.getFieldValue(SolrQueries.ORDINAL)).intValue(), document.paragraphs()::get);
    }

    /** Reachable when the collection answers a count of this document's paragraphs in time. */
    @Override
    public IndexStatus status() {
        return nodes.status(SolrQueries.ofDocument(document.name()));
    }

    /** Requests sent to Solr so far (round trips; a test counts them). */
    long requests() {
        return nodes.sent();
    }

    @Override
    public Terms terms() {
        return terms;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
