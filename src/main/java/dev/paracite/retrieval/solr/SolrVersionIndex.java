package dev.paracite.retrieval.solr;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.ParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.VersionIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrInputDocument;

/**
 * A library's versions in a SolrCloud collection set up by {@link SolrCollections}: one Solr document per
 * paragraph, {@code origin:library}, with its version as {@code docver} ({@code id@version}) and an id
 * made from the version and the paragraph's place, so that sending a version again overwrites it. The
 * paragraphs of single documents in the same collection are kept apart (they carry a digest instead).
 */
public final class SolrVersionIndex implements VersionIndex {

    /** Versions named in one delete request: one clause each, below Solr's 1,024. */
    private static final int DELETE_BATCH = 500;
    private static final String LIBRARY = "+" + SolrQueries.ORIGIN + ":" + SolrQueries.LIBRARY;

    private final SolrNodes nodes;

    private SolrVersionIndex(SolrNodes nodes) {
        this.nodes = nodes;
    }

    public static SolrVersionIndex open(SolrTarget target) {
        return new SolrVersionIndex(new SolrNodes(target));
    }

    @Override
    public void put(Version version, List<Paragraph> paragraphs, Set<String> leftOut, List<float[]> vectors) {
        if (vectors != null && vectors.size() != paragraphs.size()) {
            throw new IllegalArgumentException(version.key() + ": " + vectors.size() + " vectors for "
                    + paragraphs.size() + " paragraphs");
        }
        List<SolrInputDocument> docs = new ArrayList<>(paragraphs.size());
        for (int ordinal = 0; ordinal < paragraphs.size(); ordinal++) {
            Paragraph p = paragraphs.get(ordinal);
            SolrInputDocument doc = new SolrInputDocument();
            doc.addField("id", SolrQueries.LIBRARY + "/" + version.document() + "/" + version.version() + "/" + ordinal);
            doc.addField(SolrQueries.ORIGIN, SolrQueries.LIBRARY);
            doc.addField(SolrQueries.DOCUMENT, version.document());
            doc.addField("version", version.version());
            doc.addField(SolrQueries.DOCVER, version.key());
            doc.addField(SolrQueries.LABEL, p.label());
            doc.addField(SolrQueries.ORDINAL, ordinal);
            // as in the library's own index: a prompt injection is never ranked into a model's context
            if (!leftOut.contains(p.label())) {
                doc.addField("text", p.text());
                doc.addField("section", p.section());
                if (vectors != null) {
                    if (vectors.get(ordinal) == null) {
                        throw new IllegalArgumentException(version.key() + ": paragraph " + p.label() + " has no vector");
                    }
                    doc.addField(SolrQueries.VECTOR, SolrQueries.floats(vectors.get(ordinal)));
                }
            }
            docs.add(doc);
        }
        nodes.add(docs);
    }

    @Override
    public void delete(String document) {
        nodes.deleteByQuery("the removal of a document", LIBRARY + " +" + SolrQueries.DOCUMENT + ":"
                + ClientUtils.escapeQueryChars(document));
    }

    @Override
    public void delete(Collection<Version> versions) {
        List<String> docvers = versions.stream().map(v -> ClientUtils.escapeQueryChars(v.key())).toList();
        for (int from = 0; from < docvers.size(); from += DELETE_BATCH) {
            String batch = String.join(" OR ", docvers.subList(from, Math.min(docvers.size(), from + DELETE_BATCH)));
            nodes.deleteByQuery("the removal of versions", LIBRARY + " +" + SolrQueries.DOCVER + ":(" + batch + ")");
        }
    }

    @Override
    public void commit() {
        nodes.commit();
    }

    @Override
    public Map<Version, Long> counts() {
        var query = SolrQueries.ofLibrary().setQuery("*:*").setRows(0).setFacet(true).addFacetField(SolrQueries.DOCVER)
                .setFacetLimit(-1).setFacetMinCount(1);
        Map<Version, Long> counts = new HashMap<>();
        FacetField field;
        try {
            field = nodes.query("the library's paragraph counts", query).getFacetField(SolrQueries.DOCVER);
        } catch (SolrRefusedException e) {
            if (String.valueOf(e.getMessage()).contains("undefined field")) {
                throw new SolrRefusedException("The collection " + nodes.target().collection() + " was made by an earlier "
                        + "Paracite and cannot hold a library; create another with: paracite solr init --solr-collection NAME", e);
            }
            throw e;
        }
        for (FacetField.Count c : field.getValues()) {
            int at = c.getName().lastIndexOf('@');
            counts.put(new Version(c.getName().substring(0, at), Integer.parseInt(c.getName().substring(at + 1))),
                    c.getCount());
        }
        return counts;
    }

    @Override
    public ParagraphSearch search(Document corpus, Map<String, Integer> latest, String names, RetrievalSettings settings,
                                  Embedder embedder) {
        SolrRanking.check(settings, embedder);
        return new SolrVersionSearch(nodes, corpus, latest, names, settings, embedder);
    }

    @Override
    public IndexStatus status() {
        return nodes.status(SolrQueries.ofLibrary());
    }

    /** Requests sent to Solr so far (round trips; a test counts them). */
    long requests() {
        return nodes.sent();
    }

    @Override
    public void close() {
        nodes.close();
    }
}
