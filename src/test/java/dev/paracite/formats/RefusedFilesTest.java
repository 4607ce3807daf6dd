package dev.paracite.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Files Paracite cannot read: each is refused with one sentence naming the file, never a library's dump. */
class RefusedFilesTest {

    private static final String WHERE = "Document policy.pdf";

    private static String refused(byte[] content) {
        String message = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(UnreadableFileException.class, () -> Formats.extract(content, WHERE)).getMessage());
        assertFalse(message.contains("Exception") || message.contains("at org.") || message.contains("\n"), message);
        return message;
    }

    @Test
    void an_encrypted_pdf_asks_for_a_copy_without_a_password() {
        assertEquals(WHERE + " is encrypted; save it without a password and add it again.", refused(Fixtures.encryptedPdf()));
    }

    @Test
    void a_scanned_pdf_is_refused_for_having_no_text_layer() {
        assertEquals(WHERE + " has no text layer (a scanned image?); Paracite reads text, not images.",
                refused(Fixtures.imageOnlyPdf()));
    }

    @Test
    void a_truncated_pdf_is_refused_as_damaged() {
        byte[] pdf = Fixtures.pdf();
        assertEquals(WHERE + " is a damaged PDF that cannot be read.", refused(Arrays.copyOf(pdf, 400)));
    }

    @Test
    void a_corrupt_docx_is_refused_as_damaged() {
        byte[] docx = Fixtures.docx();
        assertEquals(WHERE + " is damaged: it starts as a ZIP (DOCX) file but cannot be read as one.",
                refused(Arrays.copyOf(docx, docx.length / 2)));
        byte[] garbled = Fixtures.zip("word/document.xml", "<w:document><unclosed".getBytes(StandardCharsets.UTF_8));
        assertEquals(WHERE + " is a damaged Word document that cannot be read.", refused(garbled));
    }

    @Test
    void a_zip_bomb_docx_is_refused_by_its_inflate_ratio() {
        byte[] bomb = Fixtures.zip("word/document.xml", new byte[200 * 1024 * 1024]);
        assertEquals(WHERE + " expands to far more than its size (a zip bomb?); Paracite does not read it.", refused(bomb));
    }

    @Test
    void a_zip_that_is_not_a_word_document_is_refused() {
        assertEquals(WHERE + " is a ZIP archive but not a Word document (.docx); "
                + "Paracite reads text, Markdown, HTML, PDF and DOCX files.",
                refused(Fixtures.zip("notes.txt", "1. Text.".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void an_image_is_refused_by_its_kind() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        assertEquals(WHERE + " is a PNG image; Paracite reads text, Markdown, HTML, PDF and DOCX files.", refused(png));
    }

    @Test
    void random_binary_is_refused_as_not_utf8() {
        byte[] bytes = new byte[100_000];
        new Random(42).nextBytes(bytes);
        assertEquals(WHERE + " is not valid UTF-8 text.", refused(bytes));
    }

    @Test
    void empty_files_and_documents_are_refused_as_empty() {
        assertEquals(WHERE + " is empty.", refused(new byte[0]));
        assertEquals(WHERE + " is empty.", refused("<html><body><script>x()</script></body></html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deeply_nested_html_is_read_in_bounded_time_without_overflowing_the_stack() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "<ol><li>The deepest rule.</li></ol>"
                + "</div>".repeat(100_000) + "<p>After.</p></body></html>";
        Extracted extracted = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Formats.extract(html.getBytes(StandardCharsets.UTF_8), WHERE));
        // past jsoup's nesting limit (512) the list item loses its list, so its number; its text stays
        assertEquals("- The deepest rule.\n\nAfter.\n\n", extracted.text());
        String nested = "<div>".repeat(300) + "<ol start=\"9\"><li>Nine.</li></ol>" + "</div>".repeat(300);
        assertEquals("9. Nine.\n\n", Formats.extract(nested.getBytes(StandardCharsets.UTF_8), WHERE).text());
    }
}
