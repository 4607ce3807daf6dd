package dev.paracite.retrieval;

import java.util.List;

/**
 * One content term of a question. When the document never uses the term, {@code alternatives} holds
 * the analysed near-synonyms it does use (from synonyms.txt), and they stand in for it; otherwise empty.
 */
public record QueryTerm(String term, List<String> alternatives) {

    public QueryTerm {
        alternatives = List.copyOf(alternatives);
    }

    /** The analysed terms that count as this term in a text. */
    public List<String> forms() {
        return alternatives.isEmpty() ? List.of(term) : alternatives;
    }
}
