package dev.paracite.library;

import static dev.paracite.library.LibraryTest.SECURITY;
import static dev.paracite.library.LibraryTest.TRAVEL;
import static dev.paracite.library.LibraryTest.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.Paragraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk or an unwritable directory: the add fails with one sentence saying so, the library keeps
 * answering from the versions it had, the next add after the disk frees up succeeds, and no partial
 * version is ever found after reopening.
 */
class FullDiskTest {

    /** A new version of the travel policy large enough that its commit writes some hundreds of kilobytes. */
    static final String LARGE_TRAVEL = TRAVEL.replace("economy class", "business class") + largeTail();

    @TempDir
    Path dir;

    private static String largeTail() {
        StringBuilder tail = new StringBuilder("III. Further rules\n");
        for (int n = 4; n <= 3_000; n++) {
            tail.append(n).append(". Rule ").append(n).append(" of the travel policy covers case ").append(n * 7)
                    .append(" for journeys of ").append(n % 97).append(" kilometres booked ").append(n % 13).append(" days ahead.\n");
        }
        return tail.toString();
    }

    /** The bytes the large version's add writes, measured on a disk with room. */
    private long bytesOfLargeAdd() {
        AtomicReference<FullDisk> disk = new AtomicReference<>();
        try (Library library = Library.open(dir.resolve("probe"), LibrarySettings.bm25(), d -> {
            disk.set(new FullDisk(d));
            return disk.get();
        })) {
            library.add(upload("travel.txt", TRAVEL), Progress.NONE);
            library.add(upload("security.txt", SECURITY), Progress.NONE);
            long before = disk.get().written();
            library.add(upload("travel.txt", LARGE_TRAVEL), Progress.NONE);
            return disk.get().written() - before;
        }
    }

    @Test
    void an_add_failing_anywhere_in_its_commit_on_a_full_disk_says_so_and_leaves_the_library_answering() {
        long needed = bytesOfLargeAdd();
        assertTrue(needed > 100_000, "the large version writes " + needed + " bytes");
        // the disk fills before the first byte, midway through the segment, and in the last bytes (the commit point)
        for (long room : List.of(0L, needed / 10, needed / 2, needed * 9 / 10, needed - 200, needed - 8)) {
            Path libraryDir = dir.resolve("room-" + room);
            AtomicReference<FullDisk> disk = new AtomicReference<>();
            try (Library library = Library.open(libraryDir, LibrarySettings.bm25(), d -> {
                disk.set(new FullDisk(d));
                return disk.get();
            })) {
                library.add(upload("travel.txt", TRAVEL), Progress.NONE);
                library.add(upload("security.txt", SECURITY), Progress.NONE);
                disk.get().fill(room);

                LibraryException full = assertThrows(LibraryException.class,
                        () -> library.add(upload("travel.txt", LARGE_TRAVEL), Progress.NONE), "room " + room);
                assertEquals(LibraryException.Reason.STORAGE, full.reason());
                assertEquals("The library in " + libraryDir + " could not store travel.txt: no space left on the device; "
                        + "it is unchanged.", full.getMessage());
                LibraryException removing = assertThrows(LibraryException.class, () -> library.remove("security"));
                assertEquals("The library in " + libraryDir + " could not remove security: no space left on the device; "
                        + "it is unchanged.", removing.getMessage());
                answersFromTheFirstVersions(library);

                disk.get().free();
                Added added = library.add(upload("travel.txt", LARGE_TRAVEL), Progress.NONE);
                assertEquals(new Added("travel", 2, false, 3_001, List.of()), added);
                Response after = LibraryTest.assistant(library).ask(Question.of("Which class do staff book for flights?"));
                assertTrue(after.answer().contains("business class"), after.answer());
                assertEquals(2, after.citations().get(0).version());
            }
            try (Library reopened = Library.open(libraryDir, LibrarySettings.bm25())) {
                assertEquals(List.of(1, 2), reopened.document("travel").orElseThrow().versions().stream()
                        .map(VersionInfo::version).toList());
                assertEquals(List.of(4, 3_001), List.of(count(reopened, "travel", 1), count(reopened, "travel", 2)));
                assertEquals(3, count(reopened, "security", 1));
                assertEquals(3_001 + 3, reopened.corpus().document().paragraphs().size());
            }
        }
    }

    private static void answersFromTheFirstVersions(Library library) {
        assertEquals(List.of(1), library.document("travel").orElseThrow().versions().stream().map(VersionInfo::version).toList());
        assertEquals(4 + 3, library.corpus().document().paragraphs().size());
        Response r = LibraryTest.assistant(library).ask(Question.of("Which class do staff book for flights?"));
        assertTrue(r.answer().contains("economy class"), r.answer());
        assertEquals(List.of("travel", 1), List.of(r.citations().get(0).document(), r.citations().get(0).version()));
        assertEquals("Staff book economy class for flights shorter than six hours.",
                library.paragraph("travel", 1, "1").map(Paragraph::text).orElseThrow());
        assertTrue(library.paragraph("travel", 2, "1").isEmpty());
        assertEquals(LibraryException.Reason.NOT_FOUND,
                assertThrows(LibraryException.class, () -> library.paragraphs("travel", 2, 10, null)).reason());
    }

    /** Paragraphs of a version as the index pages them, checked against the count its entry records. */
    private static int count(Library library, String id, int version) {
        int counted = 0;
        String cursor = null;
        do {
            ParagraphPage page = library.paragraphs(id, version, 500, cursor);
            counted += page.paragraphs().size();
            cursor = page.next();
        } while (cursor != null);
        int recorded = library.document(id).orElseThrow().versions().stream().filter(v -> v.version() == version)
                .findFirst().orElseThrow().paragraphs();
        assertEquals(recorded, counted, id + " version " + version);
        return counted;
    }

    @Test
    void a_library_that_cannot_be_created_on_a_full_disk_says_so_and_opens_once_the_disk_frees_up() {
        FullDisk[] disk = new FullDisk[1];
        LibraryException full = assertThrows(LibraryException.class, () -> Library.open(dir, LibrarySettings.bm25(), d -> {
            disk[0] = new FullDisk(d);
            disk[0].fill(10);
            return disk[0];
        }));
        assertEquals("The data directory " + dir + " cannot be opened as a library: no space left on the device.",
                full.getMessage());
        // the failed open gave the write lock back: the next one may write
        try (Library library = Library.open(dir, LibrarySettings.bm25())) {
            assertEquals(1, library.add(upload("travel.txt", TRAVEL), Progress.NONE).version());
        }
    }

    @Test
    void a_directory_that_cannot_be_created_gets_one_sentence_even_for_root() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "not a directory");
        Path under = file.resolve("lib");
        LibraryException e = assertThrows(LibraryException.class, () -> Library.open(under, LibrarySettings.bm25()));
        assertEquals(LibraryException.Reason.STORAGE, e.reason());
        assertEquals("The data directory " + under + " cannot be created: " + file + " is a file, not a directory.",
                e.getMessage());
        assertFalse(e.getMessage().contains("Exception"));
        assertFalse(e.getMessage().contains("\n"));
    }
}
