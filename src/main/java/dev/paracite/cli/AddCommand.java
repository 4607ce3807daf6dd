package dev.paracite.cli;

import dev.paracite.corpus.DocumentException;
import dev.paracite.library.Library;
import dev.paracite.library.LibraryException;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code add}: adds files and folders to the library, one line per file; a file that cannot be added is
 * skipped with its sentence and the rest go on (exit 2 when any was skipped). A library that cannot
 * store anything (locked by a server, unwritable, full) stops the command with its one sentence.
 */
@Command(name = "add", customSynopsis = "target/paracite add FILE... --data-dir DIR [options]",
        description = "add files or folders to the library; changed content becomes a new version",
        optionListHeading = "%nOptions:%n", sortOptions = false)
final class AddCommand implements Callable<Integer> {

    /** Indexing fewer paragraphs than this is quick enough to need no bar (about a second with embeddings). */
    private static final int LARGE = 200;

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private RetrievalOption retrieval;

    @Mixin
    private LibraryOptions library;

    /** The SolrCloud collection that searches the library, which each version is sent to. */
    @Mixin
    private IndexOptions index;

    @Option(names = "--id", paramLabel = "ID",
            description = "the document's id, with one file (default from the file name)")
    private String id;

    @Option(names = "--title", paramLabel = "T",
            description = "the document's title, with one file (default from its text)")
    private String title;

    @Option(names = "--progress", description = "draw the progress bar on stderr even when it is not a terminal")
    private boolean progress;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "a document, or a folder: its files, sorted")
    private List<Path> given = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Cli.Libraries libraries;

    AddCommand(PrintStream out, PrintStream err, boolean terminal, Cli.Libraries libraries) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.libraries = libraries;
    }

    @Override
    public Integer call() {
        Path dir = dataDir.required("add");
        List<Path> files = Uploads.files(given);
        if (files.isEmpty()) {
            throw new UsageException("There is no file to add in " + String.join(", ", given.stream().map(Path::toString)
                    .toList()) + " (hidden files are left out).");
        }
        if ((id != null || title != null) && files.size() != 1) {
            throw new UsageException("--id and --title name one document; give exactly one file, not " + files.size()
                    + ".");
        }
        IndexChoice searchedBy = index.choice();
        boolean bars = terminal || progress;
        ProgressBar fileBar = new ProgressBar(err, "files");
        boolean byFile = bars && files.size() > 1;
        int skipped = 0;
        boolean behind;
        try (Library opened = libraries.open(dir, libraries.settings(retrieval.mode(), library.keepVersions(),
                library.maxUpload()), searchedBy)) {
            // one more than the processors: while a commit syncs to disk a core would idle (bench/README.md,
            // "Document library at 1M paragraphs": 2 cores, 2 adding threads 18,074-19,720 paragraphs/s, 3 19,684-21,377)
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(files.size(),
                    Runtime.getRuntime().availableProcessors() + 1));
            try {
                List<CompletableFuture<String>> lines = start(opened, files, pool, bars && !byFile);
                for (int i = 0; i < files.size(); i++) {
                    if (byFile) {
                        fileBar.show(i, files.size());
                    }
                    String line;
                    try {
                        line = lines.get(i).join();
                    } catch (CompletionException e) {
                        fileBar.clear();
                        // a locked, unwritable or full library fails every file alike: one sentence, not one a file
                        throw e.getCause() instanceof RuntimeException r ? r : e;
                    }
                    if (line.startsWith("skipped ")) {
                        skipped++;
                    }
                    fileBar.clear();
                    out.println(line);
                    out.flush();
                }
            } finally {
                pool.shutdownNow();
            }
            if (byFile) {
                fileBar.show(files.size(), files.size());
            }
            behind = opened.searchIndexBehind();
        }
        if (behind) {
            return LibraryView.searchIndexBehind(err);
        }
        return skipped == 0 ? Cli.ANSWERED : Cli.BAD_INPUT;
    }

    /**
     * Starts adding {@code files}, several at once (each is parsed and indexed on its own thread; the
     * library commits them one at a time); files filed under one id are added in the order given, so their
     * versions follow it. The lines to print, in the order of {@code files}.
     */
    private List<CompletableFuture<String>> start(Library opened, List<Path> files, ExecutorService pool, boolean bar) {
        Map<String, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String filed = id != null ? id : Library.idFor(files.get(i).getFileName().toString());
            byId.computeIfAbsent(filed, k -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<String>> lines = new ArrayList<>();
        files.forEach(f -> lines.add(new CompletableFuture<>()));
        for (List<Integer> group : byId.values()) {
            pool.execute(() -> {
                for (int i : group) {
                    try {
                        lines.get(i).complete(add(opened, files.get(i), bar));
                    } catch (RuntimeException e) {
                        lines.get(i).completeExceptionally(e);
                        return;
                    }
                }
            });
        }
        return lines;
    }

    /** Adds one file: the line saying what became of it; a library that cannot store it is thrown. */
    private String add(Library opened, Path file, boolean bar) {
        ProgressBar paragraphBar = new ProgressBar(err, "paragraphs");
        try {
            Upload upload = Uploads.read(file, id, title, library.maxUpload());
            return LibraryView.added(opened.add(upload, bar ? large(paragraphBar) : Progress.NONE));
        } catch (LibraryException e) {
            if (e.reason() == LibraryException.Reason.STORAGE) {
                throw e;
            }
            return "skipped " + file + ": " + e.getMessage();
        } catch (DocumentException e) {
            return "skipped " + file + ": " + e.getMessage();
        } finally {
            paragraphBar.clear();
        }
    }

    /** Progress drawn on {@code bar} once the file turns out to be large. */
    private static Progress large(ProgressBar bar) {
        return (done, total) -> {
            if (total >= LARGE) {
                bar.show(done, total);
            }
        };
    }
}
