package dev.paracite.retrieval;

import dev.paracite.corpus.Paragraph;

/** A retrieved paragraph with its BM25 score; {@code referenced} when the question named it directly. */
public record Hit(Paragraph paragraph, double score, boolean referenced) {

    public String label() {
        return paragraph.label();
    }
}
