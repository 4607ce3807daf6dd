package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieval for one question: paragraphs the question names come first, then BM25 hits for the rest of
 * the question, up to {@code topK} (named paragraphs are all kept, up to {@link #MAX_REFERENCED}).
 */
public final class Retriever {

    /** Upper bound on named paragraphs passed on, so "paragraphs 1-100" cannot flood the model. */
    public static final int MAX_REFERENCED = 20;

    private final Document document;
    private final ParagraphSearch search;

    public Retriever(Document document, ParagraphSearch search) {
        this.document = document;
        this.search = search;
    }

    public Retrieval retrieve(String question, int topK) {
        return retrieve(question, topK, List.of());
    }

    /** The same among the library documents {@code documents} (empty: all). */
    public Retrieval retrieve(String question, int topK, List<String> documents) {
        References refs = ReferenceParser.find(question, document, documents);
        List<String> named = refs.labels().subList(0, Math.min(refs.labels().size(), MAX_REFERENCED));
        List<Hit> ranked = search.search(refs.remainder(), topK + named.size(), documents);
        Map<String, Double> scores = new HashMap<>();
        ranked.forEach(h -> scores.put(h.label(), h.score()));
        List<Hit> hits = new ArrayList<>();
        for (String label : named) {
            hits.add(new Hit(document.paragraph(label).orElseThrow(), scores.getOrDefault(label, 0.0), true));
        }
        for (Hit hit : ranked) {
            if (hits.size() >= Math.max(topK, named.size())) {
                break;
            }
            if (!named.contains(hit.label())) {
                hits.add(hit);
            }
        }
        return new Retrieval(hits, refs);
    }

    /** The index searched, and whether it can be reached now. */
    public IndexStatus indexStatus() {
        return search.status();
    }

    public Terms terms() {
        return search.terms();
    }

    public Document document() {
        return document;
    }
}
