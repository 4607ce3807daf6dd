package dev.paracite.cli;

import dev.paracite.eval.Compare;
import dev.paracite.eval.EvalCase;
import dev.paracite.eval.EvalRunner;
import dev.paracite.eval.EvalSet;
import dev.paracite.eval.ReplayModel;
import dev.paracite.eval.Report;
import dev.paracite.eval.ReportWriter;
import dev.paracite.eval.SquadSet;
import dev.paracite.eval.Thresholds;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval}: asks an evaluation set, prints the summary, writes the reports and exits 4 when a
 * threshold is missed; {@code eval --compare A.json B.json} prints what changed between two runs.
 */
@Command(name = "eval", customSynopsis = {"target/paracite eval [options]",
        "       target/paracite eval --compare A.json B.json"},
        description = "run an evaluation set, print its metrics, write reports; exit 4 below thresholds",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class EvalCommand implements Callable<Integer> {

    static final int THRESHOLD_MISSED = 4;

    @Mixin
    private HelpOption help;

    @Mixin
    private AnsweringOptions answering;

    @Option(names = "--set", paramLabel = "PATH", defaultValue = "eval/dev.jsonl",
            description = "a JSONL question set or a SQuAD folder")
    private Path set;

    private int sample;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/eval", description = "where reports go")
    private Path reports;

    @Option(names = "--thresholds", paramLabel = "FILE", defaultValue = "eval/thresholds.json",
            description = "the bars to clear")
    private Path thresholdsFile;

    @Option(names = "--articles", paramLabel = "A-B",
            description = "articles of a SQuAD folder, a number or a range like 5-9 (default all)")
    private String articles;

    @Option(names = "--require-thresholds", description = "exit 4 when the set has no thresholds")
    private boolean required;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "with --model replay: the recorded model answers to play back, no key, no network "
                    + "(default none)")
    private Path replay;

    @Option(names = "--compare", description = "what got better and worse between two report.json files")
    private boolean compare;

    @Parameters(paramLabel = "REPORT", description = "with --compare: the earlier and the later report.json")
    private List<Path> compared = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream progress;
    private final Cli.Assistants assistants;

    EvalCommand(PrintStream out, PrintStream progress, Cli.Assistants assistants) {
        this.out = out;
        this.progress = progress;
        this.assistants = assistants;
    }

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1", description = "keep every N-th question")
    void sample(String value) {
        sample = Values.whole("--sample", value, 1, 1_000_000);
    }

    @Override
    public Integer call() {
        if (compare) {
            if (compared.size() != 2) {
                throw new UsageException("eval --compare needs two report.json files.");
            }
            out.print(Compare.of(Report.read(compared.get(0)), Report.read(compared.get(1))));
            return Cli.ANSWERED;
        }
        if (!compared.isEmpty()) {
            throw new UsageException("eval takes report files only with --compare; it was given " + compared.get(0) + ".");
        }
        String name = setName(set);
        List<EvalCase> cases;
        if (Files.isDirectory(set)) {
            int[] range = articles(articles);
            cases = SquadSet.load(set, sample, range[0], range[1]);
            name = articles == null ? name : name + " articles " + articles;
        } else {
            if (articles != null) {
                throw new UsageException("--articles selects articles of a SQuAD folder; " + set + " is a question file.");
            }
            cases = EvalSet.cases(set, sampled(EvalSet.load(set), sample), answering::load, file -> Cli.load(file.toString()));
        }
        ReplayModel recorded = null;
        if (answering.model().provider().equals("replay")) {
            recorded = recorded(cases);
            cases = labelled(cases, recorded);
        }
        ModelChoice choice = answering.choice(recorded);
        ProgressBar bar = new ProgressBar(progress, "questions");
        Report report = new EvalRunner(d -> assistants.create(d, choice), bar::show).run(name, cases);
        ReportWriter.write(report, reports);
        out.println("Evaluation of " + name + " (identity " + report.identity() + ") with " + report.model() + ": "
                + report.overall().passed() + " of " + report.overall().questions() + " passed (refusing everything: "
                + report.overall().refuseAllBaseline() + "; answering everything, at best: "
                + report.overall().answerAllBaseline() + ")");
        out.println();
        out.print(ReportWriter.table(report));
        out.println();
        out.println("Reports: " + reports.resolve("report.json") + ", report.md, report.html");
        return gate(name, report);
    }

    /** 0 when the report clears its thresholds (or has none and none are required), 4 otherwise. */
    private int gate(String name, Report report) {
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

    /** The recorded answers {@code --model replay} plays back, for the questions of {@code cases}. */
    private ReplayModel recorded(List<EvalCase> cases) {
        if (replay == null) {
            throw new UsageException("--model replay needs --replay FILE, the recorded answers to play back.");
        }
        return ReplayModel.load(replay, cases.stream().flatMap(c -> c.questions().stream()).toList());
    }

    /** Each question with the hand labels of its recorded answer. */
    private static List<EvalCase> labelled(List<EvalCase> cases, ReplayModel replay) {
        return cases.stream().map(c -> new EvalCase(c.document(), c.questions().stream()
                .map(q -> q.withLabels(replay.labels().getOrDefault(q.id(), List.of()))).toList())).toList();
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
