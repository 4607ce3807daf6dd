package dev.paracite.extractive;

import dev.paracite.Shared;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.corpus.Document;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;

/** The extractive model over a test document with the product's retrieval: one question in, one draft out. */
final class OfflineAnswers implements AutoCloseable {

    private final LuceneParagraphSearch search;
    private final Retriever retriever;
    private final ExtractiveModel model;

    OfflineAnswers(Document document) {
        search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT, Shared.embedder());
        retriever = new Retriever(document, search);
        model = new ExtractiveModel(search.terms(), Shared.embedder());
    }

    Draft ask(String question) {
        return model.answer(new AnswerRequest(question, retriever.retrieve(question, 5)));
    }

    @Override
    public void close() {
        search.close();
    }
}
