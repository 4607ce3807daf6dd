package dev.paracite.cli;

import dev.paracite.library.Library;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code remove}: removes a document with all its versions from the library. */
@Command(name = "remove", customSynopsis = "target/paracite remove ID --data-dir DIR",
        description = "remove a document and all its versions from the library",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class RemoveCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption dataDir;

    /** The mode the library was built with: opening it with another is refused with a sentence saying which. */
    @Mixin
    private RetrievalOption retrieval;

    /** The SolrCloud collection that searches the library, which must forget the document too. */
    @Mixin
    private IndexOptions index;

    @Parameters(paramLabel = "ID", description = "the document's id, as documents lists it")
    private String id;

    private final PrintStream out;
    private final PrintStream err;
    private final Cli.Libraries libraries;

    RemoveCommand(PrintStream out, PrintStream err, Cli.Libraries libraries) {
        this.out = out;
        this.err = err;
        this.libraries = libraries;
    }

    @Override
    public Integer call() {
        dataDir.required("remove");
        boolean removed = false;
        boolean behind = false;
        if (dataDir.exists()) {
            try (Library library = dataDir.open(libraries,
                    libraries.settings(retrieval.mode(), 0, Library.DEFAULT_MAX_UPLOAD), index.choice())) {
                removed = library.remove(id);
                behind = library.searchIndexBehind();
            }
        }
        if (!removed) {
            throw new UsageException(dataDir.unknown(id));
        }
        out.println("removed " + id);
        return behind ? LibraryView.searchIndexBehind(err) : Cli.ANSWERED;
    }
}
