package dev.paracite.cli;

import dev.paracite.json.Json;
import dev.paracite.library.DocumentInfo;
import dev.paracite.library.Library;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code documents}: the library's documents as a table, or one document's versions with their ingestion notes. */
@Command(name = "documents", customSynopsis = "target/paracite documents [ID] --data-dir DIR [options]",
        description = "list the library's documents, or one document's versions and what ingestion noted",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class DocumentsCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption dataDir;

    /** The mode the library was built with: opening it with another is refused with a sentence saying which. */
    @Mixin
    private RetrievalOption retrieval;

    @Option(names = "--json", description = "print the documents and their versions as JSON")
    private boolean json;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "a document's id: its versions and their notes")
    private String id;

    private final PrintStream out;
    private final Cli.Libraries libraries;

    DocumentsCommand(PrintStream out, Cli.Libraries libraries) {
        this.out = out;
        this.libraries = libraries;
    }

    @Override
    public Integer call() {
        dataDir.required("documents");
        if (!dataDir.exists()) {
            // a library is not created just to be looked at
            return print(List.of(), Optional.empty());
        }
        try (Library library = dataDir.open(libraries, libraries.settings(retrieval.mode(), 0, Library.DEFAULT_MAX_UPLOAD),
                IndexChoice.LUCENE)) {
            return print(library.documents(), id == null ? Optional.empty() : library.document(id));
        }
    }

    private int print(List<DocumentInfo> documents, Optional<DocumentInfo> document) {
        if (id != null) {
            DocumentInfo d = document.orElseThrow(() -> new UsageException(dataDir.unknown(id)));
            out.print(json ? Json.pretty(LibraryView.Document.of(d)) + "\n" : LibraryView.versions(d));
        } else if (json) {
            out.println(Json.pretty(documents.stream().map(LibraryView.Document::of).toList()));
        } else if (documents.isEmpty()) {
            out.println(dataDir.empty());
        } else {
            out.print(LibraryView.table(documents));
        }
        return Cli.ANSWERED;
    }
}
