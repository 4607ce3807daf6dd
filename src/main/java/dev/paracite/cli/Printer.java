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
                out.println(cited(c));
                out.println(c.text());
            }
        }
        for (Response.DroppedCitation d : r.droppedCitations()) {
            out.println("(removed citation [" + d.paragraph() + "]: " + d.reason() + ")");
        }
    }

    /**
     * {@code [8] II. Economic cooperation}; a library paragraph named as markers across documents name it,
     * with the version cited: {@code [travel §4] travel v2 · II. Allowances}.
     */
    private static String cited(Response.Cited c) {
        String section = c.section().isEmpty() ? "(no section)" : c.section();
        return c.document() == null ? "[" + c.paragraph() + "] " + section
                : "[" + Document.Part.qualified(c.document(), c.paragraph()) + "] " + c.document() + " v" + c.version()
                        + " · " + section;
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
