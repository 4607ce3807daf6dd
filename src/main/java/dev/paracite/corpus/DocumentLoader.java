package dev.paracite.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a UTF-8 plain-text document from a file or the built-in copy, and parses it. */
public final class DocumentLoader {

    /** The document shipped inside the jar; its source is noted in src/main/resources/documents/SOURCE.md. */
    public static final String BUILT_IN = "strategic-course-cis";

    /** Larger files are refused rather than read: a numbered-paragraph document is far smaller than this. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

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

    /** A document read from a file's bytes, and the format its content was read as. */
    public record Loaded(Document document, String format) {}

    /**
     * Reads {@code bytes} as a document named {@code name}; {@code where} is how messages name the file.
     *
     * @throws DocumentException with one sentence when the bytes are not a document Paracite can read
     */
    public static Loaded read(String name, byte[] bytes, String where) {
        READS.increment();
        return new Loaded(parse(name, bytes, where), "text");
    }

    private static final java.util.concurrent.atomic.LongAdder READS = new java.util.concurrent.atomic.LongAdder();

    /** How many files {@link #read} has read in this process: a library opening its index reads none. */
    public static long reads() {
        return READS.sum();
    }

    static Document parse(String name, byte[] bytes, String where) {
        String text = decode(bytes, where);
        if (text.isBlank()) {
            throw new DocumentException(where + " is empty.");
        }
        if (text.indexOf('\0') >= 0) {
            throw new DocumentException(where + " contains NUL bytes; it looks binary, not plain text.");
        }
        Document document = DocumentParser.parse(name, text);
        boolean numbered = document.paragraphs().stream().anyMatch(p -> !p.label().equals(Paragraph.PREAMBLE));
        if (!numbered) {
            throw new DocumentException(where + " has no numbered paragraph (lines starting \"1. \", \"2. \", ...).");
        }
        return document;
    }

    private static String decode(byte[] bytes, String where) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DocumentException(where + " is not valid UTF-8 text.");
        }
    }

    private static String nameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
