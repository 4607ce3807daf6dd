package dev.paracite.retrieval;

import java.util.List;

/** Analysed terms and their weights, so callers can compare text the way retrieval does. */
public interface Terms {

    /** The analysed terms of {@code text}, in order, with stop words removed. */
    List<String> of(String text);

    /**
     * The distinct content terms of a question: {@link #of} without question words ("what", "does",
     * "say") and single characters, with near-synonyms for terms the document never uses.
     */
    List<QueryTerm> ofQuestion(String text);

    /**
     * Whether a term belongs to the document's own name ("strategy", "course" for strategic-course-cis):
     * in a question such words usually refer to the document, not to a topic in it.
     */
    boolean namesDocument(String term);

    /** BM25 inverse document frequency of an analysed term; a term no paragraph has gets the highest. */
    double idf(String term);

    /** Whether some paragraph has the analysed term. */
    boolean inDocument(String term);

    /** The weight of a question term: its idf, or for a term stood in for by synonyms, theirs at most. */
    default double weight(QueryTerm term) {
        return term.forms().stream().mapToDouble(this::idf).max().orElse(0);
    }
}
