package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paracite.Main;
import dev.paracite.assistant.Assistant;
import dev.paracite.embedding.OnnxEmbedder;
import dev.paracite.json.Json;
import dev.paracite.library.Library;
import dev.paracite.library.LibrarySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library commands end to end through {@link Cli#run}, on a library of three tiny documents in a temporary folder. */
class LibraryCliTest {

    /** How often a command started loading the embedding model. */
    private final AtomicInteger modelLoads = new AtomicInteger();

    /** The composition root's library wiring, as {@code Main.main} passes it, counting the model's loads. */
    private final Cli.Libraries libraries = new Cli.Libraries() {
        @Override
        public LibrarySettings settings(String retrievalMode, int keepVersions, long maxUpload) {
            return Main.librarySettings(retrievalMode, keepVersions, maxUpload, () -> {
                modelLoads.incrementAndGet();
                return OnnxEmbedder.shared();
            });
        }

        @Override
        public Supplier<Assistant> assistants(Library library, ModelChoice choice) {
            return Main.assistants(library, choice);
        }
    };

    @TempDir
    Path dir;

    private Path docs;
    private String data;
    private final List<String> served = new ArrayList<>();
    private String out = "";
    private String err = "";

    @BeforeEach
    void three_documents() throws IOException {
        docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("tea.txt"), """
                1. Green tea is steamed soon after picking.
                2. Black tea is oxidised before it is dried.
                3. Oolong tea is partly oxidised.
                """);
        Files.writeString(docs.resolve("trains.txt"), """
                1. The night train leaves the capital at ten.
                2. Sleeping cars must be booked a week ahead.
                """);
        Files.writeString(docs.resolve("gardens.txt"), """
                1. Roses are pruned in late winter.
                2. Tulip bulbs are planted in autumn.
                2. Tulip bulbs are planted in autumn.
                """);
        Files.writeString(docs.resolve(".draft.txt"), "1. A hidden draft that is never added.\n");
        data = dir.resolve("data").toString();
    }

    private int run(boolean terminal, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, Map.of(), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), terminal, Main::assistant, libraries,
                (assistant, server) -> {
                    served.add(server.port() + " " + assistant.document().paragraphs().size());
                    return 0;
                });
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int run(String... args) {
        return run(false, args);
    }

    private void addAll() {
        assertEquals(0, run("add", docs.toString(), "--data-dir", data), err);
    }

    @Test
    void adding_a_folder_adds_its_files_sorted_one_line_each_leaving_out_hidden_ones() {
        assertEquals(0, run("add", docs.toString(), "--data-dir", data), err);
        assertEquals("""
                added gardens v1 (2 paragraphs, 1 note)
                added tea v1 (3 paragraphs, 0 notes)
                added trains v1 (2 paragraphs, 0 notes)
                """, out);
        assertEquals("", err, "no progress bar when stderr is not a terminal");
    }

    @Test
    void documents_lists_each_document_with_its_latest_version() {
        addAll();
        assertEquals(0, run("documents", "--data-dir", data));
        String[] lines = out.split("\n");
        assertEquals(4, lines.length, out);
        assertTrue(lines[0].matches("ID +TITLE +LATEST +PARAGRAPHS +VERSIONS +ADDED"), lines[0]);
        assertTrue(lines[1].startsWith("gardens "), out);
        assertTrue(lines[2].matches("tea +.* +v1 +3 +1 +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines[2]);
        assertTrue(lines[3].startsWith("trains "), out);
    }

    @Test
    void documents_with_an_id_shows_its_versions_and_ingestion_notes() throws IOException {
        addAll();
        assertEquals(0, run("documents", "gardens", "--data-dir", data));
        assertTrue(out.startsWith("gardens: "), out);
        assertTrue(out.contains("(1 version kept)"), out);
        assertTrue(out.contains("\nv1 (latest), added "), out);
        assertTrue(out.contains(": 2 paragraphs, 1 note\n  dropped line 3: paragraph 2 repeated with identical text\n"), out);

        assertEquals(0, run("documents", "gardens", "--json", "--data-dir", data));
        JsonNode json = Json.tree(out);
        assertEquals("gardens", json.get("id").asText());
        JsonNode note = json.get("versions").get(0).get("ingestion").get(0);
        assertEquals("dropped", note.get("action").asText());
        assertEquals("paragraph 2 repeated with identical text", note.get("message").asText());

        assertEquals(0, run("documents", "--json", "--data-dir", data));
        JsonNode all = Json.tree(out);
        assertEquals(List.of("gardens", "tea", "trains"),
                List.of(all.get(0).get("id").asText(), all.get(1).get("id").asText(), all.get(2).get("id").asText()));
        assertEquals(3, all.get(1).get("versions").get(0).get("paragraphs").asInt());
    }

    @Test
    void changed_content_becomes_the_next_version_and_identical_content_is_unchanged() throws IOException {
        addAll();
        Path tea = docs.resolve("tea.txt");
        assertEquals(0, run("add", tea.toString(), "--data-dir", data));
        assertEquals("unchanged tea v1\n", out);
        Files.writeString(tea, "1. Green tea is steamed.\n2. Black tea is oxidised.\n3. White tea is withered.\n4. Pu-erh is aged.\n");
        assertEquals(0, run("add", tea.toString(), "--data-dir", data));
        assertEquals("added tea v2 (4 paragraphs, 0 notes)\n", out);
        assertEquals(0, run("documents", "tea", "--data-dir", data));
        assertTrue(out.contains("(2 versions kept)") && out.contains("\nv1, added ") && out.contains("\nv2 (latest), added "),
                out);
    }

    @Test
    void keep_versions_removes_the_oldest_beyond_the_number_kept() throws IOException {
        addAll();
        Path tea = docs.resolve("tea.txt");
        Files.writeString(tea, "1. Green tea is steamed.\n");
        assertEquals(0, run("add", tea.toString(), "--keep-versions", "1", "--data-dir", data));
        assertEquals("added tea v2 (1 paragraph, 0 notes)\n", out);
        assertEquals(0, run("documents", "tea", "--data-dir", data));
        assertTrue(out.contains("(1 version kept)") && out.contains("\nv2 (latest)") && !out.contains("\nv1"), out);
    }

    @Test
    void id_and_title_file_one_document_under_the_names_given() {
        assertEquals(0, run("add", docs.resolve("tea.txt").toString(), "--id", "brewing", "--title", "How tea is made",
                "--data-dir", data), err);
        assertEquals("added brewing v1 (3 paragraphs, 0 notes)\n", out);
        assertEquals(0, run("documents", "--data-dir", data));
        assertTrue(out.contains("brewing  How tea is made"), out);
    }

    @Test
    void ask_with_a_data_dir_answers_from_the_library_citing_a_paragraph() {
        addAll();
        assertEquals(0, run("ask", "--data-dir", data, "How is black tea made?"), out + err);
        assertTrue(out.startsWith("Black tea is oxidised before it is dried [tea §2]."), out);
        assertTrue(out.contains("\nCited paragraphs:\n\n[tea §2] tea v1 · (no section)\nBlack tea is oxidised before it is dried.\n"),
                out);
    }

    @Test
    void listing_and_removing_never_load_the_embedding_model_and_asking_loads_it_once() {
        addAll();
        modelLoads.set(0);
        assertEquals(0, run("documents", "--data-dir", data));
        assertEquals(0, run("documents", "tea", "--data-dir", data));
        assertEquals(0, run("remove", "trains", "--data-dir", data));
        assertEquals(0, modelLoads.get());
        assertEquals(0, run("ask", "--data-dir", data, "How is black tea made?"), out + err);
        assertEquals(1, modelLoads.get(), "retrieval and the answer share one embedder");
    }

    @Test
    void serve_with_a_data_dir_serves_the_library() {
        addAll();
        assertEquals(0, run("serve", "--data-dir", data, "--port", "0", "--keep-versions", "3", "--max-upload", "512KB"),
                err);
        assertEquals(List.of("0 7"), served, "the seven paragraphs of the three latest versions");
    }

    @Test
    void removed_documents_are_no_longer_listed_and_an_unknown_id_is_one_sentence() {
        addAll();
        assertEquals(0, run("remove", "trains", "--data-dir", data));
        assertEquals("removed trains\n", out);
        assertEquals(0, run("documents", "--data-dir", data));
        assertFalse(out.contains("trains"), out);
        assertTrue(out.contains("tea"), out);
        assertEquals(2, run("remove", "trains", "--data-dir", data));
        assertEquals("paracite: There is no document \"trains\" in " + data + "; paracite documents --data-dir " + data
                + " lists them.\n", err);
        assertEquals(2, run("documents", "trains", "--data-dir", data));
        assertEquals("paracite: There is no document \"trains\" in " + data + "; paracite documents --data-dir " + data
                + " lists them.\n", err);
    }

    @Test
    void a_bad_file_among_good_ones_is_skipped_with_its_sentence_the_rest_added_and_the_exit_code_2() throws IOException {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        Files.write(mixed.resolve("b.bin"), new byte[] {1, 0, 2, 0});
        Files.writeString(mixed.resolve("a.txt"), "1. Apples ripen in September.\n");
        Files.writeString(mixed.resolve("c.txt"), "1. Cherries ripen in June.\n");
        assertEquals(2, run("add", mixed.toString(), "--data-dir", data));
        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertEquals("added a v1 (1 paragraph, 0 notes)", lines[0]);
        assertTrue(lines[1].startsWith("skipped " + mixed.resolve("b.bin") + ": ") && lines[1].contains("binary"), lines[1]);
        assertEquals("added c v1 (1 paragraph, 0 notes)", lines[2]);
        assertEquals(0, run("documents", "--data-dir", data));
        assertTrue(out.contains("\na ") && out.contains("\nc ") && !out.contains("\nb "), out);
    }

    @Test
    void a_file_over_max_upload_is_skipped_before_it_is_read() {
        assertEquals(2, run("add", docs.resolve("tea.txt").toString(), "--max-upload", "10", "--data-dir", data));
        assertTrue(out.startsWith("skipped " + docs.resolve("tea.txt") + ": ") && out.contains("(--max-upload)"), out);
        assertEquals(2, run("add", docs.toString(), "--max-upload", "lots", "--data-dir", data));
        assertEquals("paracite: --max-upload must be a size such as 20MB, 512KB or 1048576; it was \"lots\".\n", err);
    }

    @Test
    void usage_errors_are_one_sentence_and_exit_2() throws IOException {
        assertEquals(2, run("add", docs.resolve("tea.txt").toString(), docs.resolve("trains.txt").toString(), "--id", "x",
                "--data-dir", data));
        assertEquals("paracite: --id and --title name one document; give exactly one file, not 2.\n", err);
        assertEquals(2, run("add", docs.resolve("tea.txt").toString()));
        assertEquals("paracite: add works on a library; give --data-dir DIR or set PARACITE_DATA_DIR.\n", err);
        assertEquals(2, run("ask", "--document", docs.resolve("tea.txt").toString(), "--data-dir", data, "q"));
        assertEquals("paracite: --document and --data-dir cannot be used together (PARACITE_DOCUMENT and "
                + "PARACITE_DATA_DIR count as those flags); answer from one document or from the library.\n", err);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve(".hidden.txt"), "1. Hidden.\n");
        assertEquals(2, run("add", empty.toString(), "--data-dir", data));
        assertEquals("paracite: There is no file to add in " + empty + " (hidden files are left out).\n", err);
        assertEquals("", out);
        assertTrue(served.isEmpty());
    }

    @Test
    void ask_and_serve_on_a_missing_or_empty_library_say_to_add_documents_first() throws IOException {
        String sentence = "paracite: The library in " + data + " has no documents yet; add some first with: "
                + "paracite add FILE --data-dir " + data + ".\n";
        assertEquals(2, run("ask", "--data-dir", data, "How is black tea made?"));
        assertEquals(sentence, err);
        assertEquals(0, run("documents", "--data-dir", data));
        assertEquals(sentence.substring("paracite: ".length()), out);
        assertFalse(Files.exists(Path.of(data)), "asking and listing do not create a library");
        assertEquals(2, run("serve", "--data-dir", data));
        assertEquals(sentence, err);
        addAll();
        for (String id : List.of("gardens", "tea", "trains")) {
            assertEquals(0, run("remove", id, "--data-dir", data));
        }
        assertEquals(2, run("ask", "--data-dir", data, "How is black tea made?"));
        assertEquals(sentence, err);
        assertTrue(served.isEmpty());
    }

    @Test
    void a_data_dir_that_cannot_be_a_library_is_one_sentence_without_a_stack_trace() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(2, run("add", docs.toString(), "--data-dir", file.toString()));
        assertTrue(err.startsWith("paracite: The data directory " + file + " cannot be created: ")
                && err.indexOf('\n') == err.length() - 1, err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertEquals("", out);
    }

    @Test
    void a_library_another_process_holds_stops_add_with_its_one_sentence() throws IOException {
        addAll();
        try (Library held = Library.open(Path.of(data), Main.librarySettings("hybrid", 0, Library.DEFAULT_MAX_UPLOAD))) {
            Files.writeString(docs.resolve("tea.txt"), "1. Green tea is steamed.\n");
            assertEquals(2, run("add", docs.toString(), "--data-dir", data));
            assertEquals("unchanged gardens v1\n", out, "files after the first that needs writing are not tried");
            assertEquals("paracite: The library in " + data + " is open in another Paracite process (a server?); change "
                    + "it there (its /api/documents), or stop that process first.\n", err);
            assertEquals(1, held.document("tea").orElseThrow().versions().size());
        }
    }

    @Test
    void the_progress_bar_counts_files_on_a_terminal_or_when_asked() {
        assertEquals(0, run(true, "add", docs.toString(), "--data-dir", data));
        assertTrue(err.contains("] 3/3 files\n"), err);
        assertTrue(err.contains("] 1/3 files"), err);
        assertTrue(out.startsWith("added gardens v1"), "results stay on stdout: " + out);
        assertEquals(0, run(false, "add", docs.toString(), "--data-dir", data, "--progress"));
        assertTrue(err.contains("] 3/3 files\n"), err);
        assertEquals(0, run(false, "add", docs.toString(), "--data-dir", data));
        assertEquals("", err);
    }

    @Test
    void a_large_file_draws_a_bar_of_its_paragraphs_on_a_terminal_and_a_small_one_none() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 250; i++) {
            text.append(i).append(". Paragraph ").append(i).append(" of the long handbook.\n");
        }
        Path handbook = Files.writeString(dir.resolve("handbook.txt"), text);
        assertEquals(0, run(true, "add", handbook.toString(), "--retrieval", "bm25", "--data-dir", data));
        assertEquals("added handbook v1 (250 paragraphs, 0 notes)\n", out);
        assertTrue(err.endsWith("] 250/250 paragraphs\n"), err);
        assertEquals(0, run(true, "add", docs.resolve("tea.txt").toString(), "--retrieval", "bm25", "--data-dir", data));
        assertEquals("added tea v1 (3 paragraphs, 0 notes)\n", out);
        assertEquals("", err);
    }

    @Test
    void sizes_take_bytes_or_kb_mb_gb() {
        assertEquals(512_000, Values.bytes("--max-upload", "512KB", 1_000_000_000));
        assertEquals(20_000_000, Values.bytes("--max-upload", "20 mb", 1_000_000_000));
        assertEquals(1_048_576, Values.bytes("--max-upload", "1048576", 1_000_000_000));
        assertEquals(2, run("add", docs.toString(), "--max-upload", "2GB", "--data-dir", data));
        assertEquals("paracite: --max-upload must be between 1 byte and 1000MB; it was 2GB.\n", err);
    }
}
