package dev.paracite.corpus;

import dev.paracite.formats.Extracted;
import dev.paracite.formats.Formats;
import dev.paracite.formats.UnreadableFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a document (plain text, Markdown, HTML, PDF or DOCX) from a file or the built-in copy, and parses it. */
public final class DocumentLoader {

    /** The document shipped inside the jar; its source is noted in src/main/resources/documents/SOURCE.md. */
    public static final String BUILT_IN = "strategic-course-cis";

    /** Larger files are refused rather than read: a numbered-paragraph document is far smaller than this. */
    static final long MAX_BYTES = Formats.MAX_BYTES;

    private DocumentLoader() {}

    public static Document builtIn() {
        String resource = "/documents/" + BUILT_IN + ".txt";
        try (InputStream in = DocumentLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in document missing from the jar: " + resource);
            }
            return parse(BUILT_IN, in.readAllBytes(), "built-in document " + BUILT_IN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Document load(Path file) {
        String where = "Document " + file;
        if (!Files.exists(file)) {
            throw new DocumentException(where + " does not exist.");
        }
        if (Files.isDirectory(file)) {
            throw new DocumentException(where + " is a directory, not a text file.");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DocumentException(where + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB.");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new DocumentException(where + " cannot be read: permission denied.");
        } catch (NoSuchFileException e) {
            throw new DocumentException(where + " does not exist.");
        } catch (IOException e) {
            throw new DocumentException(where + " cannot be read: " + e.getMessage() + ".");
        }
        return parse(nameOf(file), bytes, where);
    }

    /** A document read from a file's bytes, and the format its content was read as ("pdf", "docx", ...). */
    public record Loaded(Document document, String format) {}

    /**
     * Reads a file's bytes, in any format {@link Formats} reads (told by content, not by name), as a document
     * named {@code name}; {@code where} names the file in error messages, e.g. "Document policy.pdf".
     *
     * @throws DocumentException with one sentence when the bytes are not a document Paracite can read
     */
    public static Loaded read(String name, byte[] bytes, String where) {
        READS.increment();
        Extracted extracted;
        try {
            extracted = Formats.extract(bytes, where);
        } catch (UnreadableFileException e) {
            throw new DocumentException(e.getMessage());
        }
        return new Loaded(parsed(name, extracted.text(), where), extracted.format().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.concurrent.atomic.LongAdder READS = new java.util.concurrent.atomic.LongAdder();

    /** How many files {@link #read} has read in this process: a library opening its index reads none. */
    public static long reads() {
        return READS.sum();
    }

    /** The same, the document alone. */
    public static Document parse(String name, byte[] bytes, String where) {
        return read(name, bytes, where).document();
    }

    private static Document parsed(String name, String text, String where) {
        Document document = DocumentParser.parse(name, text);
        boolean numbered = document.paragraphs().stream().anyMatch(p -> !p.label().equals(Paragraph.PREAMBLE));
        if (!numbered) {
            throw new DocumentException(where + " has no numbered paragraph (lines starting \"1. \", \"2. \", ...).");
        }
        return document;
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
