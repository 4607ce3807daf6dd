package dev.paracite.eval;

import dev.paracite.corpus.Document;
import java.util.List;

/** A document and the questions asked of it. */
public record EvalCase(Document document, List<EvalQuestion> questions) {

    public EvalCase {
        questions = List.copyOf(questions);
    }
}
