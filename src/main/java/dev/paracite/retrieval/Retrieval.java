package dev.paracite.retrieval;

import java.util.List;

/** What retrieval found for a question: ranked hits (named paragraphs first) and the references it resolved. */
public record Retrieval(List<Hit> hits, References references) {

    public Retrieval {
        hits = List.copyOf(hits);
    }
}
