package dev.paracite;

import dev.paracite.assistant.Assistant;
import dev.paracite.cli.Cli;
import dev.paracite.corpus.Document;
import dev.paracite.model.ExtractiveModel;
import dev.paracite.retrieval.LuceneParagraphSearch;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.retrieval.Retriever;
import dev.paracite.server.Server;
import dev.paracite.server.ServerStartException;
import java.util.concurrent.CountDownLatch;

/** Composition root: the only place that chooses implementations and wires them together. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.getenv(), System.out, System.err, Main::assistant, Main::serve));
    }

    /** Serves until SIGTERM or Ctrl-C, then drains requests in flight and stops. */
    static int serve(Assistant assistant, String host, int port) {
        Server server;
        try {
            server = Server.start(assistant, host, port);
        } catch (ServerStartException e) {
            System.err.println("paracite: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "paracite-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The assistant over {@code document} with the embedded Lucene index and the built-in extractive model. */
    public static Assistant assistant(Document document) {
        LuceneParagraphSearch search = LuceneParagraphSearch.build(document, RetrievalSettings.DEFAULT);
        return new Assistant(new Retriever(document, search), new ExtractiveModel(search.terms()));
    }
}
