package dev.paracite.cli;

import dev.paracite.corpus.DocumentSummary;
import dev.paracite.library.Added;
import dev.paracite.library.DocumentInfo;
import dev.paracite.library.VersionInfo;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The library as {@code add} and {@code documents} print it: a line per file added, a table of documents,
 * one document's versions, or JSON records.
 */
final class LibraryView {

    private static final int TITLE_WIDTH = 40;

    private LibraryView() {}

    /** A document with every version kept, oldest first, for JSON. */
    record Document(String id, String title, List<Version> versions) {
        static Document of(DocumentInfo d) {
            return new Document(d.id(), d.title(), d.versions().stream().map(Version::of).toList());
        }
    }

    /** One version for JSON: {@code added} as an ISO-8601 instant, notes as {@code GET /api/document} gives them. */
    record Version(int version, String sha256, String added, String source, String format, int paragraphs,
                   List<String> sections, List<DocumentSummary.Note> ingestion) {
        static Version of(VersionInfo v) {
            return new Version(v.version(), v.sha256(), time(v.added()), v.source(), v.format(), v.paragraphs(),
                    v.sections(), v.notes().stream().map(n -> new DocumentSummary.Note(
                            n.action().name().toLowerCase(Locale.ROOT), n.firstLine(), n.lastLine(), n.paragraph(),
                            n.message())).toList());
        }
    }

    /** One row per document: id, title, latest version, its paragraphs, versions kept, when the latest was added. */
    static String table(List<DocumentInfo> documents) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "TITLE", "LATEST", "PARAGRAPHS", "VERSIONS", "ADDED"});
        for (DocumentInfo d : documents) {
            VersionInfo latest = d.latest();
            rows.add(new String[] {d.id(), shortened(d.title()), "v" + latest.version(),
                    Integer.toString(latest.paragraphs()), Integer.toString(d.versions().size()), time(latest.added())});
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", r[i])).append(i < r.length - 1 ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    /** The document's title, then each version kept with its source and what ingestion dropped or flagged. */
    static String versions(DocumentInfo d) {
        StringBuilder text = new StringBuilder(d.id() + ": " + d.title() + " ("
                + count(d.versions().size(), "version") + " kept)\n");
        for (VersionInfo v : d.versions()) {
            text.append("\nv").append(v.version()).append(v == d.latest() ? " (latest)" : "").append(", added ")
                    .append(time(v.added())).append(" from ").append(v.source()).append(": ")
                    .append(count(v.paragraphs(), "paragraph")).append(", ")
                    .append(count(v.notes().size(), "note")).append('\n');
            v.notes().forEach(n -> text.append("  ").append(n.describe()).append('\n'));
        }
        return text.toString();
    }

    /** {@code added travel v1 (24 paragraphs, 2 notes)} or {@code unchanged travel v1}. */
    /**
     * Says that the library changed but its search index on other machines could not be told (it catches up
     * when the library next opens with it, or before its next search); the exit code for an index unavailable.
     */
    static int searchIndexBehind(PrintStream err) {
        err.println("paracite: the library is changed, but its search index (Solr) could not be reached; it catches up "
                + "when the library next opens with --index solr, and asks wait for it (exit 5, or 503 index_unavailable) "
                + "until then.");
        return Cli.MODEL_UNAVAILABLE;
    }

    static String added(Added a) {
        if (a.unchanged()) {
            return "unchanged " + a.id() + " v" + a.version();
        }
        return "added " + a.id() + " v" + a.version() + " (" + count(a.paragraphs(), "paragraph") + ", "
                + count(a.notes().size(), "note") + ")";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String shortened(String title) {
        String line = title.replace('\n', ' ');
        return line.length() > TITLE_WIDTH ? line.substring(0, TITLE_WIDTH - 3) + "..." : line;
    }
}
