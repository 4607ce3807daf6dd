package dev.paracite.cli;

import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** {@code --data-dir}: the folder that keeps the library of the user's documents, for the commands that use it. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the folder that keeps your library of documents (default none: one document)")
    @Env("PARACITE_DATA_DIR")
    private Path dir;

    /** The folder given, or null: the command works on one document. */
    public Path dir() {
        return dir;
    }

    /** The folder, for the commands that have nothing to do without one. */
    Path required(String command) {
        if (dir == null) {
            throw new UsageException(command + " works on a library; give --data-dir DIR or set PARACITE_DATA_DIR.");
        }
        return dir;
    }

    /** Opens the library, creating it when the folder holds none yet, searched by the {@code index} chosen. */
    Library open(Cli.Libraries libraries, LibrarySettings settings, IndexChoice index) {
        return libraries.open(dir, settings, index);
    }

    /**
     * Opens the library to answer from: not together with a single {@code document}, and only when it
     * holds documents (one sentence naming the command that adds them otherwise). The settings are made
     * only once the command line is known to be good.
     */
    Library answering(Cli.Libraries libraries, Supplier<LibrarySettings> settings, IndexChoice index, String document) {
        if (document != null) {
            throw new UsageException("--document and --data-dir cannot be used together (PARACITE_DOCUMENT and "
                    + "PARACITE_DATA_DIR count as those flags); answer from one document or from the library.");
        }
        if (!exists()) {
            throw new UsageException(empty());
        }
        Library library = libraries.open(dir, settings.get(), index);
        if (library.documents().isEmpty()) {
            library.close();
            throw new UsageException(empty());
        }
        return library;
    }

    /** Whether the folder holds anything yet; a library is not created just to be looked at. */
    boolean exists() {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true; // Library.open says what is wrong with it
        }
    }

    /** The sentence for an id the library does not hold, naming the command that lists what it holds. */
    String unknown(String id) {
        return "There is no document \"" + id + "\" in " + dir + "; paracite documents --data-dir " + dir
                + " lists them.";
    }

    /** The sentence for a library without documents to answer from, naming the command that adds them. */
    String empty() {
        return "The library in " + dir + " has no documents yet; add some first with: paracite add FILE --data-dir "
                + dir + ".";
    }
}
