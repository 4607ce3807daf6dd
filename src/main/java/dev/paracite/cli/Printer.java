package dev.paracite.cli;

import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.corpus.Paragraph;
import java.io.PrintStream;

/** Plain-text output for a terminal. */
final class Printer {

    private Printer() {}

    static void response(Response r, PrintStream out) {
        out.println(r.answer());
        if (r.outcome() == Outcome.ANSWERED) {
            out.println();
            out.println("Cited paragraphs:");
            for (Response.Cited c : r.citations()) {
                out.println();
                out.println("[" + c.paragraph() + "] " + (c.section().isEmpty() ? "(no section)" : c.section()));
                out.println(c.text());
            }
        }
        for (Response.DroppedCitation d : r.droppedCitations()) {
            out.println("(removed citation [" + d.paragraph() + "]: " + d.reason() + ")");
        }
    }

    static void document(Document d, PrintStream out) {
        out.println(d.name() + ": " + d.paragraphs().size() + " paragraphs in " + d.sections().size() + " sections");
        String section = null;
        for (Paragraph p : d.paragraphs()) {
            if (!p.section().equals(section)) {
                section = p.section();
                out.println();
                out.println(section.isEmpty() ? "(before the first section)" : section);
            }
            String text = p.text().replace('\n', ' ');
            out.println("  [" + p.label() + "] " + (text.length() > 100 ? text.substring(0, 97) + "..." : text));
        }
        out.println();
        out.println(d.notes().isEmpty() ? "Ingestion dropped or flagged nothing." : "Ingestion notes:");
        for (IngestionNote n : d.notes()) {
            out.println("  " + n.describe());
        }
    }
}
