package dev.paracite.cli;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.json.Json;
import dev.paracite.library.Library;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ask}: answers one question from the document or, with {@code --data-dir}, from the library's
 * latest versions, then prints each cited paragraph; exits 3 when they cannot answer.
 */
@Command(name = "ask", customSynopsis = "target/paracite ask [options] \"QUESTION\"",
        description = "answer one question; prints the answer, then each cited paragraph",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class AskCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private AnsweringOptions answering;

    @Mixin
    private DataDirOption dataDir;

    private int topK;

    @Option(names = "--json", description = "print the response as JSON, as the HTTP API returns it")
    private boolean json;

    @Parameters(paramLabel = "QUESTION", description = "the question (several words are joined with spaces)")
    private List<String> words = new ArrayList<>();

    private final PrintStream out;
    private final Cli.Assistants assistants;
    private final Cli.Libraries libraries;

    AskCommand(PrintStream out, Cli.Assistants assistants, Cli.Libraries libraries) {
        this.out = out;
        this.assistants = assistants;
        this.libraries = libraries;
    }

    /** Only its form is checked here; {@link Question} checks its range (1-20). */
    @Option(names = "--top-k", paramLabel = "N", defaultValue = "5", description = "paragraphs to retrieve, 1-20")
    @Env("PARACITE_TOP_K")
    void topK(String value) {
        topK = Values.whole("--top-k", value, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public Integer call() {
        if (words.isEmpty()) {
            throw new UsageException("ask needs a question, e.g. ask \"What role should the ruble play?\"");
        }
        Question question = new Question(String.join(" ", words), topK);
        Response response;
        if (dataDir.dir() == null) {
            response = assistants.create(answering.load(), answering.choice(null)).ask(question);
        } else {
            try (Library library = dataDir.answering(libraries,
                    () -> libraries.settings(answering.retrieval(), 0, Library.DEFAULT_MAX_UPLOAD), answering.index(),
                    answering.documentPath())) {
                Assistant assistant = libraries.assistants(library, answering.choice(null)).get();
                response = assistant.ask(question);
            }
        }
        if (json) {
            out.println(Json.pretty(response.sent(Response.Part.ALL)));
        } else {
            Printer.response(response, out);
        }
        return response.outcome() == Outcome.ANSWERED ? Cli.ANSWERED : Cli.NOT_IN_DOCUMENT;
    }
}
