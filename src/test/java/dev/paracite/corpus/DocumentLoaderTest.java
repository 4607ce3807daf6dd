package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLoaderTest {

    @TempDir
    Path dir;

    @Test
    void built_in_document_is_the_shared_corpus_byte_for_byte() throws Exception {
        try (InputStream in = DocumentLoader.class.getResourceAsStream("/documents/strategic-course-cis.txt")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertEquals("dd82ccf023696e7347f742951f92072091d4ed6634868948f67217ee1a7466cd", HexFormat.of().formatHex(digest));
        }
        assertEquals("strategic-course-cis", DocumentLoader.builtIn().name());
    }

    @Test
    void loads_a_document_from_a_file_named_after_it() throws IOException {
        Path file = write("policy.txt", "\uFEFFPreface.\n1. First.\n2. Second.\n".getBytes(StandardCharsets.UTF_8));
        Document d = DocumentLoader.load(file);
        assertEquals("policy", d.name());
        assertEquals("Preface.", d.paragraph("preamble").orElseThrow().text());
        assertEquals(3, d.paragraphs().size());
    }

    @Test
    void a_missing_file_is_named_in_one_sentence() {
        Path file = dir.resolve("nope.txt");
        assertEquals("Document " + file + " does not exist.", message(file));
    }

    @Test
    void an_empty_or_blank_file_is_refused() throws IOException {
        assertEquals("Document " + dir.resolve("empty.txt") + " is empty.", message(write("empty.txt", new byte[0])));
        assertEquals("Document " + dir.resolve("blank.txt") + " is empty.", message(write("blank.txt", " \n\n".getBytes())));
    }

    @Test
    void a_directory_is_refused() {
        assertEquals("Document " + dir + " is a directory, not a text file.", message(dir));
    }

    @Test
    void non_utf8_text_is_refused() throws IOException {
        Path file = write("latin1.txt", "1. Caf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("Document " + file + " is not valid UTF-8 text.", message(file));
    }

    @Test
    void binary_content_is_refused() throws IOException {
        Path file = write("bin.txt", new byte[] {'1', '.', ' ', 'a', 0, 0, 'b'});
        assertEquals("Document " + file + " contains NUL bytes; it looks binary, not plain text.", message(file));
    }

    @Test
    void a_file_without_numbered_paragraphs_is_refused() throws IOException {
        Path file = write("prose.txt", "Just prose.\nNo numbers here.\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("Document " + file + " has no numbered paragraph (lines starting \"1. \", \"2. \", ...).",
                message(file));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String message(Path file) {
        return assertThrows(DocumentException.class, () -> DocumentLoader.load(file)).getMessage();
    }
}
