package dev.paracite.eval;

import dev.paracite.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes report.json, report.md and report.html (self-contained: inline CSS and SVG, no external assets). */
public final class ReportWriter {

    private ReportWriter() {}

    public static void write(Report report, Path dir) {
        try {
            Files.createDirectories(dir);
            Json.pretty(report, dir.resolve("report.json"));
            Files.writeString(dir.resolve("report.md"), markdown(report), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), HtmlReport.of(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvalException("Cannot write the report to " + dir + ": " + e.getMessage() + ".");
        }
    }

    /** The summary table printed to the terminal and used in report.md. */
    public static String table(Report report) {
        StringBuilder out = new StringBuilder("| metric | all |");
        report.byKind().keySet().forEach(k -> out.append(' ').append(k).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(report.byKind().size())).append('\n');
        out.append("| questions | ").append(report.overall().questions()).append(" |");
        report.byKind().values().forEach(s -> out.append(' ').append(s.questions()).append(" |"));
        out.append('\n');
        for (Metric m : Metric.ALL) {
            out.append("| ").append(m.label()).append(" | ").append(m.format(report.overall())).append(" |");
            for (Summary s : report.byKind().values()) {
                out.append(' ').append(m.format(s)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation: ").append(report.set()).append("\n\n");
        md.append("Model `").append(report.model()).append("`, ").append(report.createdAt()).append(", ")
                .append(report.overall().passed()).append(" of ").append(report.overall().questions())
                .append(" questions passed.\n\n");
        md.append(table(report)).append("\n## Failures\n\n");
        report.questions().stream().filter(q -> !q.passed()).forEach(q -> md.append("- **").append(q.id())
                .append("** (").append(q.kind()).append(") ").append(escape(q.question())).append(" — ")
                .append(q.failure()).append(". Answer: ").append(escape(q.answer())).append('\n'));
        if (report.questions().stream().allMatch(QuestionResult::passed)) {
            md.append("None.\n");
        }
        return md.toString();
    }

    private static String escape(String s) {
        return s.replace("\n", " ").replace("|", "\\|");
    }

}
