package dev.paracite.server;

import dev.paracite.Main;
import dev.paracite.cli.ModelChoice;
import dev.paracite.cli.ModelOptions;
import dev.paracite.library.Library;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A server over a library in a temporary directory, as {@code paracite serve --data-dir DIR --retrieval bm25}
 * builds it (the extractive model, rebuilt when the library changes), for the API and the browser tests;
 * the documents they add, and multipart uploads built by hand for the JDK client.
 */
public final class LibraryServer implements AutoCloseable {

    /** Three travel rules; version 2 changes the second. */
    static final String TRAVEL = "Travel policy\n"
            + "1. Staff book flights through the travel desk at least fourteen days before departure.\n"
            + "2. Economy class is used for every flight shorter than six hours.\n"
            + "3. Hotel costs are refunded up to 150 euros a night.\n";
    static final String TRAVEL_2 = TRAVEL.replace("2. Economy class is used for every flight shorter than six hours.",
            "2. Business class is allowed for flights longer than eight hours.");
    /** The same rules with paragraph 3 numbered 4: reading it leaves one ingestion note. */
    public static final String TRAVEL_WITH_GAP = TRAVEL.replace("3. Hotel", "4. Hotel");
    static final String LEAVE = "Leave policy\n"
            + "1. Every employee has twenty-five days of paid annual leave.\n"
            + "2. Unused leave may be carried over until the end of March.\n";
    /** Three security rules; version 2 changes the second. */
    public static final String SECURITY = "Security policy\n"
            + "1. Every laptop uses full disk encryption.\n"
            + "2. Lost badges are reported to the front desk the same day.\n"
            + "3. Passwords are at least sixteen characters long and never reused.\n";
    public static final String SECURITY_2 = SECURITY.replace("2. Lost badges are reported to the front desk the same day.",
            "2. Lost badges are reported to the security office within one hour.");

    static final String BOUNDARY = "paracite-test-boundary";

    private final Library library;
    private final Server server;

    private LibraryServer(Library library, Server server) {
        this.library = library;
        this.server = server;
    }

    /** Open to everyone, keeping every version, accepting files up to the default size. */
    public static LibraryServer start(Path dir) {
        return start(dir, ServerSettings.open());
    }

    public static LibraryServer start(Path dir, ServerSettings settings) {
        return start(dir, Library.DEFAULT_MAX_UPLOAD, settings, Monitoring.NONE, Progress.NONE);
    }

    /** Refusing files over {@code maxUpload} bytes, reporting to {@code monitoring}, uploads reporting to {@code ingesting}. */
    static LibraryServer start(Path dir, long maxUpload, ServerSettings settings, Monitoring monitoring, Progress ingesting) {
        Library library = Library.open(dir, Main.librarySettings("bm25", 0, maxUpload));
        ModelChoice extractive = new ModelChoice(CommandLine.populateCommand(new ModelOptions()), "bm25", null);
        try {
            return new LibraryServer(library, Server.start(Main.assistants(library, extractive), library, "127.0.0.1", 0,
                    settings, monitoring, ingesting));
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
    }

    public Library library() {
        return library;
    }

    public Server server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    /** Adds {@code text} as the file {@code fileName}, as an upload through the API would. */
    public void add(String fileName, String text) {
        library.add(new Upload(fileName, text.getBytes(StandardCharsets.UTF_8)), Progress.NONE);
    }

    @Override
    public void close() {
        server.close();
        library.close();
    }

    /** A multipart/form-data body: the file in part {@code file}, then {@code id} and {@code title} when not null. */
    static byte[] form(String fileName, byte[] file, String id, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (id != null) {
            text(out, "id", id);
        }
        if (title != null) {
            text(out, "title", title);
        }
        if (file != null) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(file);
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    static HttpRequest.Builder upload(int port, byte[] form) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form));
    }

    static HttpRequest.Builder upload(int port, String fileName, String text, String id) {
        return upload(port, form(fileName, text.getBytes(StandardCharsets.UTF_8), id, null));
    }

    private static void text(ByteArrayOutputStream out, String name, String value) {
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
