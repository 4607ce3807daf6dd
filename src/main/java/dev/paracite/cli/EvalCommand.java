package dev.paracite.cli;

import dev.paracite.assistant.Assistant;
import dev.paracite.corpus.Document;
import dev.paracite.eval.Compare;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalRunner;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.Report;
import dev.paracite.eval.ReportWriter;
import dev.paracite.eval.SquadSet;
import dev.paracite.eval.Thresholds;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code eval}: asks an evaluation set, prints the summary, writes the reports and exits 4 when a
 * threshold is missed; {@code eval --compare A.json B.json} prints what changed between two runs.
 */
final class EvalCommand {

    static final int THRESHOLD_MISSED = 4;

    private final PrintStream out;
    private final PrintStream progress;
    private final Function<Document, Assistant> assistants;
    private final java.util.function.UnaryOperator<List<EvalCase>> replayed;

    /** {@code replayed} adds the hand labels of a replayed model to the questions (identity otherwise). */
    EvalCommand(PrintStream out, PrintStream progress, Function<Document, Assistant> assistants,
                java.util.function.UnaryOperator<List<EvalCase>> replayed) {
        this.out = out;
        this.progress = progress;
        this.assistants = assistants;
        this.replayed = replayed;
    }

    int run(CliArgs cli) {
        if (cli.flags().contains("--compare")) {
            if (cli.positional().size() != 2) {
                throw new UsageException("eval --compare needs two report.json files.");
            }
            out.print(Compare.of(Report.read(Path.of(cli.positional().get(0))), Report.read(Path.of(cli.positional().get(1)))));
            return Cli.ANSWERED;
        }
        Path set = Path.of(cli.option("--set", "eval/dev.jsonl"));
        int sample = cli.number("--sample", 1, 1, 1_000_000);
        String name = setName(set);
        List<EvalCase> cases;
        if (Files.isDirectory(set)) {
            int[] articles = articles(cli.option("--articles", null));
            cases = SquadSet.load(set, sample, articles[0], articles[1]);
            name = cli.option("--articles", null) == null ? name : name + " articles " + cli.option("--articles", null);
        } else {
            if (cli.option("--articles", null) != null) {
                throw new UsageException("--articles selects articles of a SQuAD folder; " + set + " is a question file.");
            }
            cases = List.of(new EvalCase(Cli.load(cli.document()), sampled(EvalSet.load(set), sample)));
        }
        cases = replayed.apply(cases);
        Report report = new EvalRunner(assistants, progress).run(name, cases);
        Path dir = Path.of(cli.option("--out", "target/eval"));
        ReportWriter.write(report, dir);
        out.println("Evaluation of " + name + " (identity " + report.identity() + ") with " + report.model() + ": "
                + report.overall().passed() + " of " + report.overall().questions() + " passed (refusing everything: "
                + report.overall().refuseAllBaseline() + "; answering everything, at best: "
                + report.overall().answerAllBaseline() + ")");
        out.println();
        out.print(ReportWriter.table(report));
        out.println();
        out.println("Reports: " + dir.resolve("report.json") + ", report.md, report.html");
        boolean required = cli.flags().contains("--require-thresholds");
        Path thresholdsFile = Path.of(cli.option("--thresholds", "eval/thresholds.json"));
        if (!Files.exists(thresholdsFile)) {
            out.println("No thresholds file at " + thresholdsFile + "; nothing to gate on.");
            return required ? THRESHOLD_MISSED : Cli.ANSWERED;
        }
        Thresholds thresholds = Thresholds.load(thresholdsFile);
        if (!thresholds.covers(report)) {
            out.println("No thresholds for \"" + name + "\" (identity " + report.identity() + ") with " + report.model()
                    + " in " + thresholdsFile + "; nothing to gate on.");
            return required ? THRESHOLD_MISSED : Cli.ANSWERED;
        }
        List<String> misses = thresholds.misses(report);
        if (misses.isEmpty()) {
            out.println("All thresholds for \"" + name + "\" met.");
            return Cli.ANSWERED;
        }
        out.println("Thresholds missed:");
        misses.forEach(m -> out.println("  " + m));
        return THRESHOLD_MISSED;
    }

    /** "0-4" as {0, 4}; no option: every article. */
    static int[] articles(String option) {
        if (option == null) {
            return new int[] {0, Integer.MAX_VALUE};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?").matcher(option.strip());
        if (!m.matches() || m.group(2) != null && Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1))) {
            throw new UsageException("--articles must be a number or a range like 5-9; it was \"" + option + "\".");
        }
        int first = Integer.parseInt(m.group(1));
        return new int[] {first, m.group(2) == null ? first : Integer.parseInt(m.group(2))};
    }

    /** "dev" for eval/dev.jsonl, the folder name for a SQuAD folder. */
    static String setName(Path set) {
        String file = set.getFileName() == null ? set.toString() : set.getFileName().toString();
        return file.endsWith(".jsonl") ? file.substring(0, file.length() - ".jsonl".length()) : file;
    }

    private static <T> List<T> sampled(List<T> all, int every) {
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % every == 0).mapToObj(all::get).toList();
    }
}
