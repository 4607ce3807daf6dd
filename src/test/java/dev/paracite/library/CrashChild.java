package dev.paracite.library;

import dev.paracite.retrieval.RetrievalSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The process {@link CrashTest} kills: it adds new documents and new versions of them to the library in
 * {@code args[0]} until it is killed, printing "adding ID V", "indexed ID V DONE" now and then, and
 * "added ID V" once each add has returned. Every text is a function of (document, version), so the
 * test checks what it finds without the child telling it.
 */
public final class CrashChild {

    static final List<String> DOCUMENTS = List.of("alpha", "beta", "gamma", "delta");
    /** Two versions kept: retention's deletes are part of the commit the kill may interrupt. */
    static final LibrarySettings SETTINGS = new LibrarySettings(RetrievalSettings.BM25, null, 2, Library.DEFAULT_MAX_UPLOAD);
    private static final String[] WORDS = {"staff", "travel", "claims", "hotel", "booking", "approval", "receipts",
        "mileage", "visitors", "badges", "records", "retention", "meals", "allowance", "tickets", "insurance"};

    private CrashChild() {}

    public static void main(String[] args) {
        Random random = new Random(Long.parseLong(args[1]));
        try (Library library = Library.open(Path.of(args[0]), SETTINGS)) {
            while (true) {
                String id = DOCUMENTS.get(random.nextInt(DOCUMENTS.size()));
                int version = library.document(id).map(d -> d.latest().version() + 1).orElse(1);
                System.out.println("adding " + id + " " + version);
                int[] shown = {0};
                library.add(new Upload(id + ".txt", text(id, version).getBytes(StandardCharsets.UTF_8)), (done, total) -> {
                    if (done - shown[0] >= 500 || done == total) {
                        System.out.println("indexed " + id + " " + version + " " + done);
                        shown[0] = done;
                    }
                });
                System.out.println("added " + id + " " + version);
            }
        }
    }

    /** Numbered paragraphs in a version of a document: 2,000 to 3,999. */
    static int numbered(String id, int version) {
        return 2_000 + Math.floorMod((id + "@" + version).hashCode() * 31, 2_000);
    }

    /** The text of paragraph {@code n} (1-based) of a version: about 120 characters, unique to (id, version, n). */
    static String paragraph(String id, int version, int n) {
        StringBuilder p = new StringBuilder("Rule ").append(n).append(" of ").append(id).append(" version ").append(version)
                .append(':');
        for (int i = 0; i < 12; i++) {
            p.append(' ').append(WORDS[Math.floorMod(n * 7 + version * 3 + i * 5 + id.length(), WORDS.length)]);
        }
        return p.append('.').toString();
    }

    static String title(String id, int version) {
        return "Crash policy " + id + " edition " + version;
    }

    static String text(String id, int version) {
        StringBuilder text = new StringBuilder(title(id, version)).append('\n');
        for (int n = 1; n <= numbered(id, version); n++) {
            if (n % 500 == 1) {
                text.append(roman(n / 500 + 1)).append(". Part ").append(n / 500 + 1).append('\n');
            }
            text.append(n).append(". ").append(paragraph(id, version, n)).append('\n');
        }
        return text.toString();
    }

    private static String roman(int n) {
        return List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X").get(n - 1);
    }
}
