package dev.paracite.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.InvalidQuestionException;
import dev.paracite.assistant.ModelUnavailableException;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentException;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.IngestionNote;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalException;
import dev.paracite.eval.EvalQuestion;
import dev.paracite.eval.ReplayModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one command line and returns the exit code: 0 answered, 3 not in the document, 2 bad input. */
public final class Cli {

    public static final int ANSWERED = 0;
    public static final int BAD_INPUT = 2;
    public static final int NOT_IN_DOCUMENT = 3;
    public static final int MODEL_UNAVAILABLE = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Builds the assistant for a document with the model the command line chose. */
    @FunctionalInterface
    public interface Assistants {
        Assistant create(Document document, CliArgs args);
    }

    /** Runs the server for {@code serve} until the process is stopped; returns the exit code. */
    @FunctionalInterface
    public interface Serving {
        int serve(Assistant assistant, CliArgs args);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Assistants assistants;
    private final Serving serving;

    private Cli(PrintStream out, PrintStream err, Assistants assistants, Serving serving) {
        this.out = out;
        this.err = err;
        this.assistants = assistants;
        this.serving = serving;
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          Assistants assistants, Serving serving) {
        try {
            CliArgs cli = CliArgs.parse(args, env);
            return new Cli(out, err, assistants, serving).run(cli);
        } catch (UsageException | InvalidQuestionException | DocumentException | EvalException e) {
            err.println("paracite: " + e.getMessage());
            return BAD_INPUT;
        } catch (ModelUnavailableException e) {
            err.println("paracite: " + e.getMessage());
            return MODEL_UNAVAILABLE;
        } finally {
            out.flush();
        }
    }

    private int run(CliArgs cli) {
        return switch (cli.command()) {
            case "help" -> {
                out.print(Help.TEXT);
                yield ANSWERED;
            }
            case "ask" -> ask(cli);
            case "serve" -> {
                // a bad --host or --port fails here, before the document is loaded and indexed
                cli.host();
                cli.port();
                yield serving.serve(assistants.create(load(cli), cli), cli);
            }
            case "document" -> document(cli);
            case "eval" -> new EvalCommand(out, err, d -> assistants.create(d, cli), cases -> replayLabels(cli, cases)).run(cli);
            default -> throw new UsageException("Unknown command \"" + cli.command() + "\"; see --help.");
        };
    }

    private int ask(CliArgs cli) {
        if (cli.positional().isEmpty()) {
            throw new UsageException("ask needs a question, e.g. ask \"What role should the ruble play?\"");
        }
        int topK = cli.number("--top-k", Question.DEFAULT_TOP_K, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Question question = new Question(String.join(" ", cli.positional()), topK);
        Response response = assistants.create(load(cli), cli).ask(question);
        if (cli.json()) {
            out.println(Json.write(JSON, response.sent(Response.Part.ALL)));
        } else {
            Printer.response(response, out);
        }
        return response.outcome() == Outcome.ANSWERED ? ANSWERED : NOT_IN_DOCUMENT;
    }

    private int document(CliArgs cli) {
        Document document = load(cli);
        if (cli.json()) {
            Map<String, Object> view = new java.util.LinkedHashMap<>();
            view.put("name", document.name());
            view.put("paragraphs", document.paragraphs());
            view.put("sections", document.sections());
            view.put("notes", document.notes());
            out.println(Json.write(JSON, view));
        } else {
            Printer.document(document, out);
        }
        return ANSWERED;
    }

    /** With {@code --model replay}, each question with the hand labels of its recorded answer. */
    private static List<EvalCase> replayLabels(CliArgs cli, List<EvalCase> cases) {
        if (!"replay".equalsIgnoreCase(cli.option("--model", ""))) {
            return cases;
        }
        List<EvalQuestion> all = cases.stream().flatMap(c -> c.questions().stream()).toList();
        ReplayModel replay = ReplayModel.load(replayFile(cli), all);
        return cases.stream().map(c -> new EvalCase(c.document(), c.questions().stream()
                .map(q -> q.withLabels(replay.labels().getOrDefault(q.id(), List.of()))).toList())).toList();
    }

    /** The recorded answers {@code --model replay} plays back. */
    public static Path replayFile(CliArgs cli) {
        String file = cli.option("--replay", null);
        if (file == null) {
            throw new UsageException("--model replay needs --replay FILE, the recorded answers to play back.");
        }
        return Path.of(file);
    }

    /** Loads the chosen document and logs every drop and flag ingestion made. */
    public static Document load(String path) {
        Document document = path == null ? DocumentLoader.builtIn() : DocumentLoader.load(Path.of(path));
        for (IngestionNote note : document.notes()) {
            LOG.warn("{}: {}", document.name(), note.describe());
        }
        return document;
    }

    private static Document load(CliArgs cli) {
        return load(cli.document());
    }
}
