package dev.paracite.server;

import dev.paracite.corpus.DocumentSummary;
import dev.paracite.corpus.Paragraph;
import dev.paracite.library.DocumentInfo;
import dev.paracite.library.Library;
import dev.paracite.library.LibraryException;
import dev.paracite.library.ParagraphPage;
import dev.paracite.library.VersionInfo;
import dev.paracite.library.Progress;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * The library's documents under {@code /api/documents}: list them, show one with its versions, remove
 * one, and read a kept version's paragraphs, paged or one by one exactly as stored (a citation's text
 * stays readable after a newer version changed it). A server without a library answers each with 404
 * {@code no_library}.
 */
final class LibraryRoutes {

    record Listed(String id, String title, int version, int paragraphs, int versions, String added, String format) {}

    record Listing(List<Listed> documents) {}

    record Version(int version, String sha256, String added, String source, String format, int paragraphs,
                   List<String> sections, List<DocumentSummary.Note> ingestion) {
        static Version of(VersionInfo v) {
            return new Version(v.version(), v.sha256(), v.added().toString(), v.source(), v.format(), v.paragraphs(),
                    v.sections(), v.notes().stream().map(DocumentSummary.Note::of).toList());
        }
    }

    record Shown(String id, String title, List<Version> versions) {}

    /** A paragraph of a kept version, named by document, version and its label there. */
    record Pinned(String document, int version, String paragraph, String section, String text) {}

    private static final String DOCUMENTS = "/api/documents";
    private static final String VERSION = DOCUMENTS + "/{id}/versions/{version}";

    private final Library library;

    /** {@code library}: null when the server answers from one document. */
    LibraryRoutes(Library library) {
        this.library = library;
    }

    /** Adds these routes and the upload route ({@link Uploads}), telling {@code ingesting} how far each upload has got. */
    void install(JavalinConfig config, Progress ingesting) {
        config.routes.post(DOCUMENTS, new Uploads(this, ingesting)::add);
        config.routes.delete(DOCUMENTS + "/{id}", this::remove);
        // HEAD runs the GET handler; Jetty sends its headers without the body
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.HEAD)) {
            config.routes.addHttpHandler(type, DOCUMENTS, this::list);
            config.routes.addHttpHandler(type, DOCUMENTS + "/{id}", this::show);
            config.routes.addHttpHandler(type, VERSION + "/paragraphs", this::paragraphs);
            config.routes.addHttpHandler(type, VERSION + "/paragraphs/{label}", this::paragraph);
        }
    }

    void list(Context ctx) {
        Json.respond(ctx, new Listing(library().documents().stream().map(d -> {
            VersionInfo latest = d.latest();
            return new Listed(d.id(), d.title(), latest.version(), latest.paragraphs(), d.versions().size(),
                    latest.added().toString(), latest.format());
        }).toList()));
    }

    void show(Context ctx) {
        DocumentInfo d = document(ctx);
        Json.respond(ctx, new Shown(d.id(), d.title(), d.versions().stream().map(Version::of).toList()));
    }

    void remove(Context ctx) {
        String id = ctx.pathParam("id");
        if (!library().remove(id)) {
            throw unknown(id);
        }
        ctx.status(204);
    }

    void paragraphs(Context ctx) {
        DocumentInfo d = document(ctx);
        int version = version(ctx, d);
        int limit = Paging.limit(ctx);
        String cursor = Paging.cursor(ctx);
        ParagraphPage page;
        try {
            page = library.paragraphs(d.id(), version, limit, cursor);
        } catch (LibraryException e) {
            if (e.reason() == LibraryException.Reason.INVALID) {
                throw Paging.invalidCursor();
            }
            throw e; // removed a moment ago (404), or unreadable (503)
        }
        Json.respond(ctx, new Paging.Page<>(page.paragraphs().stream()
                .map(p -> new DocumentRoutes.ParagraphView(ownLabel(p), p.section(), p.text())).toList(), page.next()));
    }

    void paragraph(Context ctx) {
        DocumentInfo d = document(ctx);
        int version = version(ctx, d);
        String label = ctx.pathParam("label");
        Paragraph p = library.paragraph(d.id(), version, label).orElseThrow(() -> new ApiError(404, "not_found",
                "Version " + version + " of \"" + AskRequests.clip(d.id()) + "\" has no paragraph \""
                        + AskRequests.clip(label) + "\"."));
        Json.respond(ctx, new Pinned(d.id(), version, ownLabel(p), p.section(), p.text()));
    }

    /**
     * Refuses a question scoped to {@code ids} unless the library holds every one: 400
     * {@code unknown_document} naming those it lacks, or saying there is no library to choose from.
     */
    void checkScope(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (library == null) {
            throw ApiError.badRequest("unknown_document",
                    "This server answers from one document; leave out \"documents\" or serve a library.");
        }
        List<String> known = library.documents().stream().map(DocumentInfo::id).toList();
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("unknown_document", "The library has no document "
                    + String.join(", ", unknown.stream().map(id -> "\"" + AskRequests.clip(id) + "\"").toList()) + ".");
        }
    }

    /** The library, or 404 {@code no_library} when the server answers from one document. */
    Library library() {
        if (library == null) {
            throw new ApiError(404, "no_library", "This server answers from one document and keeps no library; "
                    + "start it with --data-dir to keep documents.");
        }
        return library;
    }

    private DocumentInfo document(Context ctx) {
        String id = ctx.pathParam("id");
        return library().document(id).orElseThrow(() -> unknown(id));
    }

    private static int version(Context ctx, DocumentInfo d) {
        String v = ctx.pathParam("version");
        return d.versions().stream().map(VersionInfo::version).filter(n -> Integer.toString(n).equals(v)).findFirst()
                .orElseThrow(() -> new ApiError(404, "not_found", "The library keeps no version \"" + AskRequests.clip(v)
                        + "\" of \"" + AskRequests.clip(d.id()) + "\"."));
    }

    /** The paragraph's label within its own version (a corpus label also names the document). */
    private static String ownLabel(Paragraph p) {
        return p.source() == null ? p.label() : p.source().label();
    }

    private static ApiError unknown(String id) {
        return new ApiError(404, "not_found", "The library has no document \"" + AskRequests.clip(id) + "\".");
    }
}
