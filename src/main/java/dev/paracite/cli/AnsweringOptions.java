package dev.paracite.cli;

import dev.paracite.assistant.AnswerModel;
import dev.paracite.corpus.Document;
import picocli.CommandLine.Mixin;

/** The options of every command that answers questions ({@code ask}, {@code serve}, {@code eval}). */
final class AnsweringOptions {

    @Mixin
    private DocumentOption document;

    @Mixin
    private RetrievalOption retrieval;

    @Mixin
    private ModelOptions model;

    @Mixin
    private IndexOptions index;

    Document load() {
        return document.load();
    }

    /** The document file given, or null. */
    String documentPath() {
        return document.path();
    }

    /** {@code hybrid} or {@code bm25}. */
    String retrieval() {
        return retrieval.mode();
    }

    ModelOptions model() {
        return model;
    }

    /** The index chosen to search a library. */
    IndexChoice index() {
        return index.choice();
    }

    /** The model, retrieval and index chosen; {@code recorded} answers replace the model when not null. */
    ModelChoice choice(AnswerModel recorded) {
        return new ModelChoice(model, retrieval.mode(), recorded, index.choice());
    }
}
