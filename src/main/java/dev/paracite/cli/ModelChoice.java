package dev.paracite.cli;

import dev.paracite.assistant.AnswerModel;

/**
 * What an assistant is built from: the model options, the retrieval mode ({@code hybrid} or {@code bm25}),
 * recorded answers that replace the model when not null ({@code eval --model replay}), and the index.
 */
public record ModelChoice(ModelOptions model, String retrieval, AnswerModel recorded, IndexChoice index) {

    /** With the in-process index. */
    public ModelChoice(ModelOptions model, String retrieval, AnswerModel recorded) {
        this(model, retrieval, recorded, IndexChoice.LUCENE);
    }
}
