package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
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
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * BM25 search over one document's paragraphs kept in a SolrCloud collection set up by
 * {@link SolrCollections}: the same analysis, the same query and the same ranking as the in-process
 * index, with term statistics taken across all shards. Every call has a timeout; a Solr that cannot be
 * reached or does not answer in time is an {@link IndexUnavailableException}.
 */
public final class SolrParagraphSearch implements ParagraphSearch {

    private static final String DIGEST = SolrQueries.DIGEST;

    private final SolrNodes nodes;
    private final Document document;
    private final float sectionWeight;
    private final SolrStatistics statistics;
    private final LuceneTerms terms;
    private final String digest;
    /** Whether the collection is known to hold this document: until then, each search checks first. */
    private volatile boolean present;

    private SolrParagraphSearch(SolrNodes nodes, Document document, RetrievalSettings settings) {
        this.nodes = nodes;
        this.document = document;
        this.sectionWeight = settings.sectionWeight();
        this.statistics = new SolrStatistics(nodes, () -> SolrQueries.ofDocument(document.name()));
        this.terms = new LuceneTerms(new ParagraphAnalyzer(settings.stemming()), statistics, document.name(),
                settings.synonyms());
        this.digest = digest(document);
    }

    private static String digest(Document document) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
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

    /**
     * Search over {@code document} in {@code target}'s collection (see {@link #index} to put it there). The
     * configset analyses with Porter stemming and scores with BM25 alone, so {@code settings} must ask for
     * those (and its k1 and b are the configset's: SolrConfigsetTest holds them equal).
     */
    public static SolrParagraphSearch open(SolrTarget target, Document document, RetrievalSettings settings) {
        Configset.check(settings);
        return new SolrParagraphSearch(new SolrNodes(target), document, settings);
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
        String collection = nodes.target().collection();
        long found = nodes.call("the document check", client -> client.query(collection, check)).getResults().getNumFound();
        if (found != document.paragraphs().size()) {
            index();
        }
        present = true;
    }

    /** Replaces whatever the collection holds of this document with its paragraphs, committed and searchable. */
    public synchronized void index() {
        nodes.deleteByQuery("the removal of the old paragraphs", SolrQueries.deleteDocument(document.name()));
        List<SolrInputDocument> docs = new ArrayList<>();
        for (int i = 0; i < document.paragraphs().size(); i++) {
            docs.add(solrDocument(document.paragraphs().get(i), i));
        }
        nodes.add(docs);
        nodes.commit();
        statistics.clear();
        present = true;
    }

    private SolrInputDocument solrDocument(Paragraph p, int ordinal) {
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
        String collection = nodes.target().collection();
        var query = SolrQueries.bm25(SolrQueries.ofDocument(document.name()), queryTerms, sectionWeight, topK);
        List<Hit> hits = new ArrayList<>();
        for (SolrDocument doc : nodes.call("the search", client -> client.query(collection, query)).getResults()) {
            int ordinal = ((Number) doc.getFieldValue(SolrQueries.ORDINAL)).intValue();
            float score = ((Number) doc.getFieldValue("score")).floatValue();
            hits.add(new Hit(document.paragraphs().get(ordinal), score, false));
        }
        return hits;
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
