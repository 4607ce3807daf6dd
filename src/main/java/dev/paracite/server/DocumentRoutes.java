package dev.paracite.server;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentSummary;
import dev.paracite.corpus.Paragraph;
import io.javalin.http.Context;
import java.util.function.IntSupplier;

/** Read-only views of the loaded document: its paragraphs, its summary and the server's health. */
final class DocumentRoutes {

    record ParagraphView(String paragraph, String section, String text) {
        static ParagraphView of(Paragraph p) {
            return new ParagraphView(p.label(), p.section(), p.text());
        }
    }

    /** {@code answering}: answers being written now, each holding one of the server's places. */
    record Health(String status, String document, int paragraphs, String model, int answering) {}

    private final Document document;
    private final String model;
    private final IntSupplier answering;

    DocumentRoutes(Document document, String model, IntSupplier answering) {
        this.document = document;
        this.model = model;
        this.answering = answering;
    }

    void paragraphs(Context ctx) {
        Json.respond(ctx, document.paragraphs().stream().map(ParagraphView::of).toList());
    }

    void paragraph(Context ctx) {
        String label = ctx.pathParam("label");
        Paragraph p = document.paragraph(label).orElseThrow(() -> new ApiError(404, "not_found",
                "The document has no paragraph \"" + AskRequests.clip(label) + "\"."));
        Json.respond(ctx, ParagraphView.of(p));
    }

    void document(Context ctx) {
        Json.respond(ctx, DocumentSummary.of(document));
    }

    void health(Context ctx) {
        Json.respond(ctx, new Health("ok", document.name(), document.paragraphs().size(), model, answering.getAsInt()));
    }
}
