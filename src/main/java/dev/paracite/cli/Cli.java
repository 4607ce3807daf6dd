package dev.paracite.cli;

import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.InvalidQuestionException;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentException;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.eval.EvalException;
import dev.paracite.library.Library;
import dev.paracite.library.LibraryException;
import dev.paracite.library.LibrarySettings;
import dev.paracite.retrieval.IndexUnavailableException;
import dev.paracite.retrieval.solr.SolrRefusedException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs one command line and returns the exit code: 0 answered, 3 not in the document, 2 bad input, 5 the
 * model was unavailable ({@code serve} and {@code eval} add their own). Every failure is one line on stderr.
 */
public final class Cli {

    public static final int ANSWERED = 0;
    public static final int BAD_INPUT = 2;
    public static final int NOT_IN_DOCUMENT = 3;
    public static final int MODEL_UNAVAILABLE = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** Builds the assistant for a document with the model and retrieval the command line chose. */
    @FunctionalInterface
    public interface Assistants {
        Assistant create(Document document, ModelChoice choice);
    }

    /** What the commands over a data directory need from the composition root. */
    public interface Libraries {

        /** For the single-document entry point: the data-directory commands say they are unavailable. */
        Libraries NONE = new Libraries() {
            @Override
            public LibrarySettings settings(String retrievalMode, int keepVersions, long maxUpload) {
                throw new UsageException("This entry point answers from one document; --data-dir is not available.");
            }

            @Override
            public Supplier<Assistant> assistants(Library library, ModelChoice choice) {
                throw new UsageException("This entry point answers from one document; --data-dir is not available.");
            }
        };

        /**
         * How a library indexes ({@code hybrid} or {@code bm25}, which must be the mode it was built with), how
         * many versions of a document it keeps (0: all) and the largest file it accepts.
         */
        LibrarySettings settings(String retrievalMode, int keepVersions, long maxUpload);

        /** Assistants over the library's latest versions: the same one until the library changes. */
        Supplier<Assistant> assistants(Library library, ModelChoice choice);

        /**
         * Opens (creating if needed) the library in {@code dir}, searched by the {@code index} chosen: its own,
         * or a SolrCloud collection that it keeps holding what it keeps.
         */
        default Library open(Path dir, LibrarySettings settings, IndexChoice index) {
            if (index.solr()) {
                throw new UsageException("This entry point keeps a library in its own index; --index solr is not available.");
            }
            return Library.open(dir, settings);
        }
    }

    /** Runs the server for {@code serve} until the process is stopped; returns the exit code. */
    @FunctionalInterface
    public interface Serving {
        int serve(Assistant assistant, ServerOptions server);

        /**
         * Serves the latest versions in {@code library} ({@code serve --data-dir}). By default it answers from
         * the versions there at start-up; the composition root overrides it once the server can take the
         * library itself.
         */
        default int serve(Supplier<Assistant> assistants, Library library, ServerOptions server) {
            return serve(assistants.get(), server);
        }
    }

    private Cli() {}

    /** One document only: the entry point for callers that never use {@code --data-dir}. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          Assistants assistants, Serving serving) {
        return run(args, env, out, err, false, assistants, Libraries.NONE, serving);
    }

    /**
     * Runs {@code args}; {@code terminal} says whether stderr is a terminal, where progress bars are drawn
     * without being asked for.
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
                          Assistants assistants, Libraries libraries, Serving serving) {
        CommandLine cli = commands(env, out, err, terminal, assistants, libraries, serving);
        cli.setParameterExceptionHandler((e, given) -> fail(err, usage(e)));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException || e instanceof InvalidQuestionException || e instanceof DocumentException
                    || e instanceof EvalException || e instanceof LibraryException || e instanceof SolrRefusedException) {
                return fail(err, e.getMessage());
            }
            if (e instanceof ModelUnavailableException || e instanceof IndexUnavailableException) {
                err.println("paracite: " + e.getMessage());
                return MODEL_UNAVAILABLE;
            }
            throw e;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
        }
    }

    /**
     * The command tree with its options' defaults read from {@code env}; the streams and the factories are
     * what the commands use.
     */
    static CommandLine commands(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
                                Assistants assistants, Libraries libraries, Serving serving) {
        CommandLine cli = new CommandLine(new Paracite())
                .addSubcommand(new ServeCommand(assistants, libraries, serving))
                .addSubcommand(new AskCommand(out, assistants, libraries))
                .addSubcommand(new DocumentCommand(out))
                .addSubcommand(new EvalCommand(out, err, assistants))
                .addSubcommand(new AddCommand(out, err, terminal, libraries))
                .addSubcommand(new DocumentsCommand(out, libraries))
                .addSubcommand(new RemoveCommand(out, err, libraries))
                .addSubcommand(new CommandLine(new SolrCommand()).addSubcommand(new SolrInitCommand(out)))
                .addSubcommand(new CommandLine.HelpCommand());
        cli.setHelpFactory(HelpText::new);
        cli.setUsageHelpWidth(100);
        cli.setDefaultValueProvider(new EnvDefaults(env));
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        return cli;
    }

    /** A usage error as one sentence that names the option or command and where the help is. */
    private static String usage(ParameterException e) {
        if (e.getCause() instanceof UsageException u) {
            return u.getMessage();
        }
        String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // the first unknown argument is the mistake; picocli also lists the value that followed it
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-")) {
                return "Unknown option " + first + "; see " + help + ".";
            }
            if (e.getCommandLine().getParent() == null) {
                return "Unknown command \"" + first + "\"; see " + help + ".";
            }
        }
        return e.getMessage().replaceAll("\\s+", " ").strip().replaceAll("\\.$", "") + "; see " + help + ".";
    }

    private static int fail(PrintStream err, String message) {
        err.println("paracite: " + message);
        return BAD_INPUT;
    }

    /** Loads the chosen document ({@code null}: the built-in one) and logs every drop and flag ingestion made. */
    public static Document load(String path) {
        Document document = path == null ? DocumentLoader.builtIn() : DocumentLoader.load(Path.of(path));
        for (IngestionNote note : document.notes()) {
            LOG.warn("{}: {}", document.name(), note.describe());
        }
        return document;
    }
}
