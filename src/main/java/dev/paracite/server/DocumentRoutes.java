package dev.paracite.server;

import dev.paracite.assistant.Assistant;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentSummary;
import dev.paracite.corpus.Paragraph;
import dev.paracite.library.Library;
import io.javalin.http.Context;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Read-only views of what the server answers from: its paragraphs (paged), its summary and the server's
 * health. That is the one document served, or with a library the latest versions of its documents as
 * one corpus, whose labels name their document when it holds several.
 */
final class DocumentRoutes {

    record ParagraphView(String paragraph, String section, String text) {
        static ParagraphView of(Paragraph p) {
            return new ParagraphView(p.label(), p.section(), p.text());
        }
    }

    /**
     * {@code answering}: answers being written now, each holding one of the server's places; {@code index}
     * the index searched ({@code lucene} or {@code solr}); {@code status} {@code degraded} while it cannot be reached.
     */
    record Health(String status, String document, int paragraphs, String model, int answering, String index) {}

    /** Health with a library: as above over its latest versions, and how many documents it holds. */
    record LibraryHealth(String status, String document, int paragraphs, String model, int answering, String index,
                         int documents) {}

    private final Supplier<Document> document;
    private final Library library;
    private final String model;
    private final IntSupplier answering;
    private final Assistant indexed;

    /**
     * {@code library}: null when serving one document; {@code indexed}: an assistant whose index health
     * reports (every assistant of a server searches the same kind of index; asking the first builds none anew).
     */
    DocumentRoutes(Supplier<Document> document, Library library, String model, IntSupplier answering,
                   Assistant indexed) {
        this.indexed = indexed;
        this.document = document;
        this.library = library;
        this.model = model;
        this.answering = answering;
    }

    void paragraphs(Context ctx) {
        Paging.Page<Paragraph> page = Paging.of(ctx, document.get().paragraphs());
        // only the page's texts are read: a library's paragraphs keep theirs on disk
        Json.respond(ctx, new Paging.Page<>(page.paragraphs().stream().map(ParagraphView::of).toList(), page.next()));
    }

    void paragraph(Context ctx) {
        String label = ctx.pathParam("label");
        Paragraph p = document.get().paragraph(label).orElseThrow(() -> new ApiError(404, "not_found",
                "The document has no paragraph \"" + AskRequests.clip(label) + "\"."));
        Json.respond(ctx, ParagraphView.of(p));
    }

    void document(Context ctx) {
        Json.respond(ctx, DocumentSummary.of(document.get()));
    }

    void health(Context ctx) {
        Document served = document.get();
        int paragraphs = served.paragraphs().size();
        var index = indexed.index();
        String status = index.reachable() ? "ok" : "degraded";
        Json.respond(ctx, library == null
                ? new Health(status, served.name(), paragraphs, model, answering.getAsInt(), index.backend())
                : new LibraryHealth(status, served.name(), paragraphs, model, answering.getAsInt(), index.backend(),
                        library.documents().size()));
    }
}
