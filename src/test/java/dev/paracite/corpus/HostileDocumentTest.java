package dev.paracite.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt or hostile document files: a clear message or a bounded, correct parse, never a crash or a hang. */
class HostileDocumentTest {

    @TempDir
    Path dir;

    private String refused(Path file) {
        return assertThrows(DocumentException.class, () -> DocumentLoader.load(file)).getMessage();
    }

    /**
     * A million lines take 1-4 s when parsing is linear and hours when it is quadratic; the bound is that
     * difference with room for a loaded machine (26.6 s was seen once beside other builds).
     */
    private static final Duration LINEAR = Duration.ofSeconds(120);

    @Test
    void random_binary_is_refused_as_not_utf8_or_binary() throws IOException {
        byte[] bytes = new byte[100_000];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.bin"), bytes);
        String message = refused(file);
        assertTrue(message.equals("Document " + file + " is not valid UTF-8 text.")
                || message.equals("Document " + file + " contains NUL bytes; it looks binary, not plain text."), message);
    }

    @Test
    void a_100_mb_file_is_refused_by_size_without_being_read() throws IOException {
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(100L * 1024 * 1024);
        }
        String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(file));
        assertEquals("Document " + file + " is larger than 64 MiB.", message);
    }

    @Test
    void a_million_unnumbered_lines_are_refused_quickly() throws IOException {
        Path file = Files.writeString(dir.resolve("million.txt"), "just a line of prose\n".repeat(1_000_000));
        String message = assertTimeoutPreemptively(LINEAR, () -> refused(file));
        assertEquals("Document " + file + " has no numbered paragraph (lines starting \"1. \", \"2. \", ...).", message);
    }

    @Test
    void a_million_lines_of_repeats_parse_in_bounded_time_with_every_repeat_reported() throws IOException {
        StringBuilder text = new StringBuilder("1. The first paragraph, long enough to be tracked.\n");
        String repeated = "This continuation line repeats itself many, many times.\n";
        text.append(repeated.repeat(999_999));
        Path file = Files.writeString(dir.resolve("repeats.txt"), text);
        Document d = assertTimeoutPreemptively(LINEAR, () -> DocumentLoader.load(file));
        assertEquals(1, d.paragraphs().size());
        assertEquals("The first paragraph, long enough to be tracked.\n" + repeated.strip(), d.paragraphs().get(0).text());
        assertEquals(1, d.notes().size(), "consecutive repeats fold into one note");
        assertEquals("dropped lines 3-1000000: repeats text of paragraph 1", d.notes().get(0).describe());
    }

    @Test
    void duplicated_numbers_are_kept_apart_and_flagged() throws IOException {
        Path file = Files.writeString(dir.resolve("dupes.txt"), "1. One.\n1. Another one.\n1. Yet another.\n",
                StandardCharsets.UTF_8);
        Document d = DocumentLoader.load(file);
        assertEquals(java.util.List.of("1", "1b", "1c"), d.paragraphs().stream().map(Paragraph::label).toList());
        assertEquals(2, d.notes().size());
    }

    @Test
    void no_numbers_at_all_and_headings_only_are_refused() throws IOException {
        Path headings = Files.writeString(dir.resolve("headings.txt"), "I. First\nII. Second\n");
        assertEquals("Document " + headings + " has no numbered paragraph (lines starting \"1. \", \"2. \", ...).",
                refused(headings));
    }
}
