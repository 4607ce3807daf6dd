package dev.paracite.web;

import dev.paracite.Main;
import dev.paracite.Shared;
import dev.paracite.cli.ModelChoice;
import dev.paracite.cli.ModelOptions;
import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import dev.paracite.retrieval.RetrievalSettings;
import dev.paracite.server.Monitoring;
import dev.paracite.server.Server;
import dev.paracite.server.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A server over a library in a temporary directory, with the extractive model over BM25 as {@code paracite
 * serve --data-dir} builds it (the extractive model needs the embedder, which BM25 retrieval alone does not open).
 */
final class LibraryServer implements AutoCloseable {

    /** Three security rules; version 2 changes the second. */
    static final String SECURITY = "Security policy\n"
            + "1. Every laptop uses full disk encryption.\n"
            + "2. Lost badges are reported to the front desk the same day.\n"
            + "3. Passwords are at least sixteen characters long and never reused.\n";
    static final String SECURITY_2 = SECURITY.replace("2. Lost badges are reported to the front desk the same day.",
            "2. Lost badges are reported to the security office within one hour.");
    /** Paragraph 3 is missing: reading it leaves one ingestion note. */
    static final String TRAVEL = "Travel policy\n"
            + "1. Staff book flights through the travel desk at least fourteen days before departure.\n"
            + "2. Economy class is used for every flight shorter than six hours.\n"
            + "4. Hotel costs are refunded up to 150 euros a night.\n";

    final Library library;
    final Server server;

    private LibraryServer(Library library, Server server) {
        this.library = library;
        this.server = server;
    }

    static LibraryServer start(Path dir, ServerSettings settings) {
        Library library = Library.open(dir, new LibrarySettings(RetrievalSettings.BM25, Shared.embedder(), 0,
                Library.DEFAULT_MAX_UPLOAD));
        ModelChoice extractive = new ModelChoice(CommandLine.populateCommand(new ModelOptions()), "bm25", null);
        Server server = Server.start(Main.assistants(library, extractive), library, "127.0.0.1", 0, settings,
                Monitoring.NONE);
        return new LibraryServer(library, server);
    }

    static LibraryServer start(Path dir) {
        return start(dir, ServerSettings.open());
    }

    /** Adds {@code text} as the file {@code fileName}, as an upload through the API would. */
    void add(String fileName, String text) {
        library.add(new Upload(fileName, text.getBytes(StandardCharsets.UTF_8)), Progress.NONE);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        library.close();
    }
}
