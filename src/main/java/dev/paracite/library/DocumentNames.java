package dev.paracite.library;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a library document is called: its id (what markers name) and its title, from the file when not given. */
final class DocumentNames {

    private static final Pattern ID = Pattern.compile(Document.Part.ID);

    private DocumentNames() {}

    /** Ids are what markers name: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static String checkedId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new LibraryException(LibraryException.Reason.INVALID, "The id \"" + clip(id) + "\" is not valid: use "
                    + "up to 64 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.");
        }
        return id;
    }

    /** The id a file is filed under by default: its name without the extension, as lower-case words joined by '-'. */
    static String idOf(String fileName) {
        String base = baseName(fileName).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        base = base.length() > 64 ? base.substring(0, 64).replaceAll("-+$", "") : base;
        return base.isEmpty() ? "document" : base;
    }

    /** A document's own first line when it opens with a short unnumbered one ("Travel policy"), else its file's name. */
    static String titleOf(Document parsed, String fileName) {
        Optional<String> first = parsed.paragraph(Paragraph.PREAMBLE).map(p -> p.text().lines().findFirst().orElse("").strip());
        return first.filter(t -> !t.isEmpty() && t.length() <= 100).orElseGet(() -> titleOf(fileName));
    }

    private static String titleOf(String fileName) {
        String base = baseName(fileName).replaceAll("[-_]+", " ").strip();
        return base.isEmpty() ? fileName : base;
    }

    private static String baseName(String fileName) {
        String name = Path.of(fileName.replace('\\', '/')).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
