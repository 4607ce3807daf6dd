package dev.paracite.cli;

import dev.paracite.library.Library;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the web chat and the HTTP API over the document or the library, until the process is stopped. */
@Command(name = "serve", customSynopsis = "target/paracite serve [options]",
        description = "start the web chat and the HTTP API (http://127.0.0.1:7070/ by default)",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private AnsweringOptions answering;

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private LibraryOptions library;

    @Mixin
    private ServerOptions server;

    private final Cli.Assistants assistants;
    private final Cli.Libraries libraries;
    private final Cli.Serving serving;

    ServeCommand(Cli.Assistants assistants, Cli.Libraries libraries, Cli.Serving serving) {
        this.assistants = assistants;
        this.libraries = libraries;
        this.serving = serving;
    }

    @Override
    public Integer call() {
        // a bad --host or --port failed while parsing, before the document is loaded and indexed
        if (dataDir.dir() == null) {
            return serving.serve(assistants.create(answering.load(), answering.choice(null)), server);
        }
        try (Library opened = dataDir.answering(libraries,
                () -> libraries.settings(answering.retrieval(), library.keepVersions(), library.maxUpload()),
                answering.index(), answering.documentPath())) {
            return serving.serve(libraries.assistants(opened, answering.choice(null)), opened, server);
        }
    }
}
