package dev.paracite.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.paracite.corpus.Paragraph;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing the process (SIGKILL) at any moment while it adds leaves, after restart, either the previous
 * version of the document or the new one, complete: a child JVM ({@link CrashChild}) adds documents of
 * 2,000-4,000 paragraphs in a loop and is killed at a random point of its output, again and again; after
 * each kill the library is reopened here and every kept version of every document is read back whole.
 */
class CrashTest {

    private static final int KILLS = 24;

    @TempDir
    Path dir;

    /**
     * What the child had printed when it was killed: the versions whose add returned, the last add it started,
     * whether that one had returned, and whether it had indexed all its paragraphs (so was committing).
     */
    private record Killed(Map<String, Integer> returned, String id, int version, boolean finished, boolean indexedAll) {}

    @Test
    void a_process_killed_anywhere_in_an_add_leaves_the_old_version_or_the_new_one_complete() throws Exception {
        Random random = new Random(20261202);
        Path library = dir.resolve("library");
        Map<String, Integer> committed = new HashMap<>();
        int midAdd = 0;
        int inCommit = 0;
        int newVersionSurvived = 0;
        int probe = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Killed killed = runAndKill(library, random, kill);
            if (!killed.finished()) {
                midAdd++;
                inCommit += killed.indexedAll() ? 1 : 0;
            }
            try (Library reopened = Library.open(library, CrashChild.SETTINGS)) {
                for (String id : CrashChild.DOCUMENTS) {
                    Integer before = killed.returned().getOrDefault(id, committed.get(id));
                    Integer latest = reopened.document(id).map(d -> d.latest().version()).orElse(null);
                    if (!killed.finished() && killed.id().equals(id) && latest != null && latest == killed.version()) {
                        newVersionSurvived++;
                    } else {
                        // an add that returned is kept; one under way is all there or not at all
                        assertEquals(before, latest, id + ": the previous version, or the new one (kill " + kill + ")");
                    }
                    if (latest != null) {
                        committed.put(id, latest);
                        complete(reopened, id);
                    }
                }
                int answered = committed.entrySet().stream().mapToInt(e -> CrashChild.numbered(e.getKey(), e.getValue()) + 1).sum()
                        + (probe > 0 ? 2 : 0);
                assertEquals(answered, reopened.corpus().document().paragraphs().size(), "the corpus is the latest versions");
                // it still takes a new version
                probe++;
                Added added = reopened.add(new Upload("probe.txt", ("Probe\n1. Probe number " + probe + " after kill " + kill
                        + ".\n").getBytes(StandardCharsets.UTF_8)), Progress.NONE);
                assertEquals(probe, added.version());
                assertEquals("Probe number " + probe + " after kill " + kill + ".",
                        reopened.paragraph("probe", probe, "1").map(Paragraph::text).orElseThrow());
            }
        }
        System.out.printf("CrashTest: %d kills, %d mid-add (%d after the last paragraph was indexed, i.e. in the commit),"
                + " %d of those kept the new version%n", KILLS, midAdd, inCommit, newVersionSurvived);
        assertTrue(midAdd >= KILLS * 3 / 4, midAdd + " of " + KILLS + " kills landed while an add was under way");
        assertTrue(midAdd - newVersionSurvived > 0, "some kills lost the version being added");
    }

    /**
     * Starts the child on {@code library} and kills it after a random number of its adds have started and
     * a random number of its progress lines of the last one, plus up to 50 ms; the output is the clock.
     */
    private Killed runAndKill(Path library, Random random, int kill) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path errors = dir.resolve("child-" + kill + ".err");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), library.toString(),
                Long.toString(random.nextLong())).redirectError(errors.toFile()).start();
        int adds = 1 + random.nextInt(2);
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int started = 0;
            int progress = -1;
            int waitFor = 0;
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
                if (line.startsWith("adding ") && ++started == adds) {
                    String[] parts = line.split(" ");
                    int paragraphs = CrashChild.numbered(parts[1], Integer.parseInt(parts[2])) + 1;
                    // 0: kill while parsing; the last: after the last paragraph was indexed, while committing
                    waitFor = random.nextInt((paragraphs - 1) / 512 + 2);
                    progress = 0;
                }
                if (progress >= 0 && (progress == waitFor || line.startsWith("indexed ") && ++progress == waitFor
                        || line.startsWith("added "))) {
                    Thread.sleep(random.nextInt(50));
                    // SIGKILL through the handle, which leaves the pipe open: the lines written before death are read below
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
            assertEquals(137, child.waitFor(), () -> "the child was killed, not ended: " + lines + " " + stderr(errors));
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        return killed(lines, errors);
    }

    private static Killed killed(List<String> lines, Path errors) {
        Map<String, Integer> returned = new HashMap<>();
        String[] last = null;
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (parts[0].equals("added")) {
                returned.put(parts[1], Integer.parseInt(parts[2]));
            }
            if (parts[0].equals("adding") || parts[0].equals("added")) {
                last = parts;
            }
        }
        if (last == null) {
            fail("the child started no add: " + lines + " " + stderr(errors));
        }
        String[] end = lines.get(lines.size() - 1).split(" ");
        boolean indexedAll = end[0].equals("indexed")
                && Integer.parseInt(end[3]) == CrashChild.numbered(end[1], Integer.parseInt(end[2])) + 1;
        return new Killed(returned, last[1], Integer.parseInt(last[2]), last[0].equals("added"), indexedAll);
    }

    private static String stderr(Path errors) {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every kept version of {@code id} is whole: consecutive, its entry's count, every paragraph's text. */
    private static void complete(Library library, String id) {
        DocumentInfo info = library.document(id).orElseThrow();
        List<VersionInfo> versions = info.versions();
        assertTrue(versions.size() <= 2, id + " keeps two versions: " + versions);
        for (int i = 1; i < versions.size(); i++) {
            assertEquals(versions.get(i - 1).version() + 1, versions.get(i).version(), id + " versions are consecutive");
        }
        // the title is the first version's own first line: a new version without a title keeps it
        assertTrue(info.title().startsWith("Crash policy " + id + " edition "), info.title());
        for (VersionInfo v : versions) {
            int numbered = CrashChild.numbered(id, v.version());
            assertEquals(numbered + 1, v.paragraphs(), id + " " + v.version() + ": the entry's count");
            List<Paragraph> all = new ArrayList<>();
            String cursor = null;
            do {
                ParagraphPage page = library.paragraphs(id, v.version(), 1_000, cursor);
                all.addAll(page.paragraphs());
                cursor = page.next();
            } while (cursor != null);
            assertEquals(numbered + 1, all.size(), id + " " + v.version() + ": paragraphs in the index");
            assertEquals(CrashChild.title(id, v.version()), all.get(0).text());
            for (int n = 1; n <= numbered; n++) {
                Paragraph p = all.get(n);
                assertEquals(Integer.toString(n), p.label());
                assertEquals(CrashChild.paragraph(id, v.version(), n), p.text());
                assertNotNull(p.source());
                assertEquals(v.version(), p.source().version());
            }
        }
        long latest = library.corpus().document().paragraphs().stream()
                .filter(p -> p.source().document().equals(id)).count();
        assertEquals(info.latest().paragraphs(), latest, id + ": the corpus holds the latest version whole");
    }
}
