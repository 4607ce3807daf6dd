package dev.paracite.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the web chat and the HTTP API, until the process is stopped. */
@Command(name = "serve", customSynopsis = "target/paracite serve [options]",
        description = "start the web chat and the HTTP API (http://127.0.0.1:7070/ by default)",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private AnsweringOptions answering;

    @Mixin
    private ServerOptions server;

    private final Cli.Assistants assistants;
    private final Cli.Serving serving;

    ServeCommand(Cli.Assistants assistants, Cli.Serving serving) {
        this.assistants = assistants;
        this.serving = serving;
    }

    @Override
    public Integer call() {
        // a bad --host or --port failed while parsing, before the document is loaded and indexed
        return serving.serve(assistants.create(answering.load(), answering.choice(null)), server);
    }
}
