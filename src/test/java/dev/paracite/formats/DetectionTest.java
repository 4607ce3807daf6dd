package dev.paracite.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format comes from the content; a file's name, right or misleading, plays no part. */
class DetectionTest {

    @TempDir
    Path dir;

    @Test
    void a_pdf_named_txt_is_read_as_pdf() throws IOException {
        Path file = Files.write(dir.resolve("rules.txt"), Fixtures.pdf());
        Document document = DocumentLoader.load(file);
        assertEquals("rules", document.name());
        assertEquals(Fixtures.FEES.get(0), document.paragraph("4").orElseThrow().text());
        assertEquals(Format.PDF, Formats.detect(Files.readAllBytes(file), "Document " + file));
    }

    @Test
    void html_named_pdf_is_read_as_html() throws IOException {
        Path file = Files.write(dir.resolve("rules.pdf"), Fixtures.html());
        assertEquals(Format.HTML, Formats.detect(Files.readAllBytes(file), "Document " + file));
        assertEquals(Fixtures.BORROWING.get(1), DocumentLoader.load(file).paragraph("2").orElseThrow().text());
    }

    @Test
    void a_docx_named_html_is_read_as_docx() throws IOException {
        Path file = Files.write(dir.resolve("rules.html"), Fixtures.docx());
        assertEquals(Fixtures.FEES.get(1), DocumentLoader.load(file).paragraph("5").orElseThrow().text());
    }

    @Test
    void markdown_is_told_from_plain_text_by_its_syntax() {
        assertEquals(Format.MARKDOWN, Formats.detect(Fixtures.markdown(), "Document a"));
        assertEquals(Format.TEXT, Formats.detect(Fixtures.text(), "Document a"));
        assertEquals(Format.MARKDOWN, Formats.detect("Intro\n\n- one\n- two\n1. Text.\n".getBytes(StandardCharsets.UTF_8), "a"));
        assertEquals(Format.TEXT, Formats.detect("1. Price is 5 * 3.\n2. A - B.\n".getBytes(StandardCharsets.UTF_8), "a"));
    }

    @Test
    void html_is_recognised_without_a_doctype_but_not_from_a_less_than_sign() {
        assertEquals(Format.HTML, Formats.detect("  <div><p>1. Text.</p></div>".getBytes(StandardCharsets.UTF_8), "a"));
        assertEquals(Format.TEXT, Formats.detect("1. When x <p then stop.\n".getBytes(StandardCharsets.UTF_8), "a"));
    }
}
