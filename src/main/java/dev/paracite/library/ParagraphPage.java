package dev.paracite.library;

import dev.paracite.corpus.Paragraph;
import java.util.List;

/** One page of a version's paragraphs in document order; {@code next} is the cursor of the next page, null at the end. */
public record ParagraphPage(List<Paragraph> paragraphs, String next) {

    public ParagraphPage {
        paragraphs = List.copyOf(paragraphs);
    }
}
