package dev.paracite.server;

import dev.paracite.Main;
import dev.paracite.assistant.Assistant;
import dev.paracite.cli.ModelChoice;
import dev.paracite.cli.ModelOptions;
import dev.paracite.library.Library;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Libraries in a temporary directory, their assistants, and multipart uploads built by hand for the JDK client. */
final class Libraries {

    static final String BOUNDARY = "paracite-test-boundary";

    /** Three travel rules; version 2 changes the second. */
    static final String TRAVEL = "Travel policy\n"
            + "1. Staff book flights through the travel desk at least fourteen days before departure.\n"
            + "2. Economy class is used for every flight shorter than six hours.\n"
            + "3. Hotel costs are refunded up to 150 euros a night.\n";
    static final String TRAVEL_2 = TRAVEL.replace("2. Economy class is used for every flight shorter than six hours.",
            "2. Business class is allowed for flights longer than eight hours.");
    static final String LEAVE = "Leave policy\n"
            + "1. Every employee has twenty-five days of paid annual leave.\n"
            + "2. Unused leave may be carried over until the end of March.\n";

    private Libraries() {}

    /** A library as {@code paracite serve --data-dir DIR --retrieval bm25} opens it, keeping every version. */
    static Library open(Path dir) {
        return open(dir, Library.DEFAULT_MAX_UPLOAD);
    }

    /** The same, refusing files over {@code maxUpload} bytes. */
    static Library open(Path dir, long maxUpload) {
        return Library.open(dir, Main.librarySettings("bm25", 0, maxUpload));
    }

    /** The extractive model over BM25, rebuilt when the library changes, as {@code paracite serve --data-dir} builds it. */
    static Supplier<Assistant> assistants(Library library) {
        return Main.assistants(library, new ModelChoice(CommandLine.populateCommand(new ModelOptions()), "bm25", null));
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
