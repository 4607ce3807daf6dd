package dev.paracite.cli;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentSummary;
import dev.paracite.json.Json;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code document}: the document's paragraphs, sections and ingestion notes. */
@Command(name = "document", customSynopsis = "target/paracite document [options]",
        description = "show the document's paragraphs, sections and what ingestion dropped or flagged",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class DocumentCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DocumentOption document;

    @Option(names = "--json", description = "print what GET /api/document returns")
    private boolean json;

    private final PrintStream out;

    DocumentCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Document d = document.load();
        if (json) {
            out.println(Json.pretty(DocumentSummary.of(d)));
        } else {
            Printer.document(d, out);
        }
        return Cli.ANSWERED;
    }
}
