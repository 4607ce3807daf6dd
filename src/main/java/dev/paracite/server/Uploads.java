package dev.paracite.server;

import dev.paracite.corpus.DocumentException;
import dev.paracite.corpus.DocumentSummary;
import dev.paracite.library.Added;
import dev.paracite.library.Library;
import dev.paracite.library.LibraryException;
import dev.paracite.library.Progress;
import dev.paracite.library.Upload;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/documents}: a {@code multipart/form-data} form with the file in part {@code file} and
 * optional text parts {@code id} and {@code title}, added to the library as a new version of its document.
 * The route has its own size limit, the library's ({@code --max-upload}, 20 MB by default), far above the
 * 64 KiB of the JSON routes: a declared length over it is
 * refused before any of the body is read, and a longer body is cut off while Jetty reads the form (parts
 * over a megabyte wait in a temporary file, not in memory). Ingestion runs on the request's thread while
 * other requests are answered; the library takes one writer at a time.
 */
final class Uploads {

    /** The attribute Javalin and Jetty read a request's multipart limits from (Javalin's is global; this route's is not). */
    private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";
    /** Room beside the file for the form's boundaries, part headers and its text parts. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Parts larger than this are spooled to a temporary file while the form is read. */
    private static final int IN_MEMORY = 1024 * 1024;
    /** The longest id or title read from a text part. */
    private static final int MAX_TEXT = 1_000;

    /** What adding the file did; {@code ingestion} as {@code GET /api/document} shows notes. */
    record AddedView(String id, int version, boolean unchanged, int paragraphs, List<DocumentSummary.Note> ingestion) {
        static AddedView of(Added a) {
            return new AddedView(a.id(), a.version(), a.unchanged(), a.paragraphs(),
                    a.notes().stream().map(DocumentSummary.Note::of).toList());
        }
    }

    private final LibraryRoutes routes;
    private final Progress progress;

    Uploads(LibraryRoutes routes, Progress progress) {
        this.routes = routes;
        this.progress = progress;
    }

    void add(Context ctx) {
        Library library = routes.library();
        long maxUpload = library.settings().maxUpload();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw ApiError.badRequest("invalid_upload", "Send the file as multipart/form-data in a part named \"file\".");
        }
        if (ctx.req().getContentLengthLong() > maxUpload + FORM_OVERHEAD) {
            throw unread(ctx, maxUpload); // before reading a byte of it: a client that sent Expect: 100-continue sends nothing
        }
        ctx.req().setAttribute(MULTIPART_CONFIG, new MultipartConfigElement(System.getProperty("java.io.tmpdir"),
                maxUpload, maxUpload + FORM_OVERHEAD, IN_MEMORY));
        Collection<Part> parts = parts(ctx, maxUpload);
        try {
            Upload upload = upload(parts, maxUpload);
            Added added;
            try {
                added = library.add(upload, progress);
            } catch (DocumentException e) {
                throw new ApiError(422, "unreadable_document", e.getMessage());
            } catch (LibraryException e) {
                if (e.reason() == LibraryException.Reason.INVALID) {
                    throw ApiError.badRequest("invalid_upload", e.getMessage()); // an id the library does not take
                }
                throw e;
            }
            Json.respond(ctx.status(added.unchanged() ? 200 : 201), AddedView.of(added));
        } finally {
            for (Part part : parts) {
                delete(part);
            }
        }
    }

    /**
     * The form's parts. Jetty reports a part or form over its limit as an IllegalStateException ("max file
     * size exceeded", "max length exceeded") inside the ServletException of a bad multipart body.
     */
    private static Collection<Part> parts(Context ctx, long maxUpload) {
        try {
            return ctx.req().getParts();
        } catch (IOException | ServletException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).contains("exceeded")) {
                    dropRest(ctx, maxUpload);
                    throw tooLarge(maxUpload);
                }
            }
            dropRest(ctx, maxUpload); // where the parser stopped in the body is unknown
            throw ApiError.badRequest("invalid_upload", "The body is not a multipart/form-data form that can be read.");
        }
    }

    /**
     * Reads and drops what is left of a body that was not read to its end (cut off at the limit, or not a
     * form), up to the limit again, so a client still sending it reaches the end and reads the answer:
     * closing on unread bytes resets the connection, and the client sees that instead of the answer. The
     * connection is closed after the answer, saying so, so that a client does not send its next request into it.
     */
    private static void dropRest(Context ctx, long maxUpload) {
        ctx.header("Connection", "close");
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long left = maxUpload + FORM_OVERHEAD;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // the body cannot be read further; the 413 goes out all the same
        }
    }

    private static Upload upload(Collection<Part> parts, long maxUpload) {
        Part file = null;
        String id = null;
        String title = null;
        for (Part part : parts) {
            switch (part.getName()) {
                case "file" -> file = part;
                case "id" -> id = text(part);
                case "title" -> title = text(part);
                default -> throw ApiError.badRequest("invalid_upload", "Unknown part \"" + AskRequests.clip(part.getName())
                        + "\"; the parts are file, id and title.");
            }
        }
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isBlank()) {
            throw ApiError.badRequest("invalid_upload", "The form has no file: send it in a part named \"file\" with a file name.");
        }
        if (file.getSize() > maxUpload) {
            throw tooLarge(maxUpload);
        }
        try (InputStream in = file.getInputStream()) {
            return new Upload(file.getSubmittedFileName(), in.readAllBytes(), blankToNull(id), blankToNull(title));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Part part) {
        if (part.getSize() > MAX_TEXT) {
            throw ApiError.badRequest("invalid_upload", "The part \"" + part.getName() + "\" is longer than " + MAX_TEXT
                    + " bytes.");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static void delete(Part part) {
        try {
            part.delete();
        } catch (IOException e) {
            // the temporary file goes with the request anyway
        }
    }

    /**
     * Too large, with the rest of the body unread: the connection closes after the answer, and says so, so
     * that a client does not send its next request into it.
     */
    private static ApiError unread(Context ctx, long maxUpload) {
        ctx.header("Connection", "close");
        return tooLarge(maxUpload);
    }

    private static ApiError tooLarge(long maxUpload) {
        return new ApiError(413, "payload_too_large", "The file is larger than the " + megabytes(maxUpload)
                + " this server accepts.");
    }

    /** The limit as people say it: {@code 20 MB} for whole (decimal) megabytes, else bytes. */
    static String megabytes(long bytes) {
        return bytes % 1_000_000 == 0 ? bytes / 1_000_000 + " MB" : bytes + " bytes";
    }
}
