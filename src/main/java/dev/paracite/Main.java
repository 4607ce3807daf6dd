package dev.paracite;

import dev.paracite.assistant.Assistant;
import dev.paracite.cli.Cli;
import dev.paracite.corpus.Document;
import dev.paracite.model.ExtractiveModel;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;

/** Composition root: the only place that chooses implementations and wires them together. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.getenv(), System.out, System.err, Main::assistant));
    }

    /** The assistant over {@code document} with the embedded Lucene index and the built-in extractive model. */
    public static Assistant assistant(Document document) {
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT);
        return new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms()));
    }
}
