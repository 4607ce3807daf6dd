package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval command end to end on a tiny set: reports, thresholds and comparison. */
class EvalCommandTest {

    @TempDir
    Path dir;

    private String out = "";
    private String err = "";

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, Map.of(), new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), Main::assistant, (a, cli) -> 0);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path set() throws IOException {
        return Files.writeString(dir.resolve("tiny.jsonl"), """
                {"id": "a", "question": "What role should the ruble play?", "gold": ["8"], "answerable": true, "facts": [["reserve currency"]], "kind": "lookup"}
                {"id": "b", "question": "What is the capital of France?", "gold": [], "answerable": false, "kind": "unanswerable"}

                {"id": "c", "question": "When was it signed?", "history": [{"role": "user", "content": "What is the Collective Security Treaty?"}], "gold": ["12"], "answerable": true, "kind": "followup"}
                """);
    }

    @Test
    void writes_the_three_reports_and_prints_the_summary() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(0, run("eval", "--set", set().toString(), "--out", reports.toString(), "--thresholds",
                dir.resolve("none.json").toString()));
        assertTrue(out.matches("(?s)Evaluation of tiny \\(identity [0-9a-f]{16}\\) with extractive: 3 of 3 passed "
                + "\\(refusing everything: 1; answering everything, at best: 2\\).*"), out);
        assertTrue(out.contains("| Cited a gold paragraph | 1 |"), out);
        assertTrue(out.contains("No thresholds file at"), out);
        assertTrue(err.contains("3/3 questions"), "progress bar: " + err);
        JsonNode json = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertEquals("tiny", json.get("set").asText());
        assertEquals(3, json.get("questions").size());
        assertEquals(1.0, json.get("overall").get("factCoverage").asDouble());
        assertTrue(Files.readString(reports.resolve("report.md")).contains("# Evaluation: tiny"));
        String html = Files.readString(reports.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("When was it signed?"));
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no external assets");
    }

    /** The identity a first run of the tiny set reports. */
    private String identity(Path set) throws IOException {
        run("eval", "--set", set.toString(), "--out", dir.resolve("first").toString());
        return new ObjectMapper().readTree(dir.resolve("first/report.json").toFile()).get("identity").asText();
    }

    private Path thresholds(String identity, String model, String bounds) throws IOException {
        return Files.writeString(dir.resolve("t.json"), "{\"sets\": [{\"name\": \"tiny\", \"identity\": \"" + identity
                + "\", \"model\": \"" + model + "\", " + bounds + "}]}");
    }

    @Test
    void a_set_may_ask_each_question_of_its_own_document() throws IOException {
        Files.writeString(dir.resolve("travel.txt"), "Travel policy\n1. Staff book economy class for every flight.\n"
                + "2. Hotel rooms are booked through the approved agency.\n");
        Path set = Files.writeString(dir.resolve("mixed.jsonl"), """
                {"id": "t", "question": "Which class do staff book for flights?", "gold": ["1"], "answerable": true, "facts": [["economy class"]], "kind": "lookup", "document": "travel.txt"}
                {"id": "r", "question": "What role should the ruble play?", "gold": ["8"], "answerable": true, "facts": [["reserve currency"]], "kind": "lookup"}
                """);
        Path reports = dir.resolve("mixed-reports");
        assertEquals(0, run("eval", "--set", set.toString(), "--out", reports.toString(), "--thresholds",
                dir.resolve("none.json").toString()), err);
        JsonNode report = new ObjectMapper().readTree(reports.resolve("report.json").toFile());
        assertEquals(2, report.at("/overall/passed").asInt(), report.toPrettyString());
        assertTrue(out.contains("2 of 2 passed"), out);
        Files.writeString(set, Files.readString(set).replace("travel.txt", "missing.txt"));
        assertEquals(2, run("eval", "--set", set.toString(), "--out", reports.toString()));
        assertTrue(err.contains("missing.txt does not exist"), err);
    }

    @Test
    void exits_4_naming_each_missed_threshold() throws IOException {
        Path set = set();
        Path thresholds = thresholds(identity(set), "extractive",
                "\"min\": {\"citedGold\": 1.0, \"passed\": 4}, \"max\": {\"invalidCitations\": 0}");
        assertEquals(4, run("eval", "--set", set.toString(), "--out", dir.resolve("r").toString(), "--thresholds",
                thresholds.toString()));
        assertTrue(out.contains("Thresholds missed:\n  passed is 3; the minimum is 4\n"), out);
    }

    @Test
    void exits_0_when_thresholds_are_met() throws IOException {
        Path set = set();
        Path thresholds = thresholds(identity(set), "extractive", "\"min\": {\"refusalRate\": 1.0}");
        assertEquals(0, run("eval", "--set", set.toString(), "--out", dir.resolve("r").toString(), "--thresholds",
                thresholds.toString()));
        assertTrue(out.contains("All thresholds for \"tiny\" met."), out);
    }

    @Test
    void thresholds_follow_the_sets_content_not_its_file_name() throws IOException {
        Path set = set();
        Path thresholds = thresholds(identity(set), "extractive", "\"min\": {\"passed\": 3}");
        Path renamed = Files.copy(set, dir.resolve("renamed.jsonl"));
        assertEquals(0, run("eval", "--set", renamed.toString(), "--out", dir.resolve("r").toString(), "--thresholds",
                thresholds.toString(), "--require-thresholds"));
        Files.writeString(renamed, Files.readString(renamed).replace("capital of France", "capital of Spain"));
        assertEquals(4, run("eval", "--set", renamed.toString(), "--out", dir.resolve("r").toString(), "--thresholds",
                thresholds.toString(), "--require-thresholds"), "a changed set needs thresholds of its own");
        assertTrue(out.contains("No thresholds for \"renamed\""), out);
        assertEquals(0, run("eval", "--set", renamed.toString(), "--out", dir.resolve("r").toString(), "--thresholds",
                thresholds.toString()), "without --require-thresholds a set without thresholds is not gated");
    }

    @Test
    void a_replayed_model_is_measured_against_the_hand_labels_of_its_sentences() throws IOException {
        Path set = set();
        Path replay = Files.writeString(dir.resolve("replay.jsonl"), """
                {"id": "a", "answer": "The Russian ruble should be used as a reserve currency [8]. Russia will annex the Moon by 2031 [8].", "sentences": [{"text": "The Russian ruble should be used as a reserve currency [8].", "supported": true}, {"text": "Russia will annex the Moon by 2031 [8].", "supported": false}]}
                """);
        assertEquals(0, run("eval", "--set", set.toString(), "--model", "replay", "--replay", replay.toString(), "--out",
                dir.resolve("r").toString(), "--thresholds", dir.resolve("none.json").toString()));
        assertTrue(out.contains("with replay:"), out);
        assertTrue(out.contains("| Labelled supported sentences shown | 1 |"), out);
        assertTrue(out.contains("| Labelled unsupported sentences shown | 0 |"), out);
        assertEquals(2, run("eval", "--set", set.toString(), "--model", "replay"));
        assertEquals("paracite: --model replay needs --replay FILE, the recorded answers to play back.\n", err);
    }

    @Test
    void articles_choose_a_range_of_a_squad_folder_and_nothing_else() throws IOException {
        assertEquals(2, run("eval", "--set", set().toString(), "--articles", "0-4"));
        assertTrue(err.contains("--articles selects articles of a SQuAD folder"), err);
        assertEquals(2, run("eval", "--set", dir.toString(), "--articles", "9-5"));
        assertTrue(err.contains("--articles must be a number or a range like 5-9"), err);
    }

    @Test
    void compare_lists_what_got_better_and_worse() throws IOException {
        Path set = set();
        assertEquals(0, run("eval", "--set", set.toString(), "--out", dir.resolve("a").toString()));
        Files.writeString(set, Files.readString(set).replace("\"gold\": [\"8\"]", "\"gold\": [\"9\"]"));
        run("eval", "--set", set.toString(), "--out", dir.resolve("b").toString());
        assertEquals(0, run("eval", "--compare", dir.resolve("a/report.json").toString(), dir.resolve("b/report.json").toString()));
        assertTrue(out.contains("Better (0):"), out);
        assertTrue(out.contains("Worse (1):\n  - a What role should the ruble play? (cited [8] but the gold is [9])"), out);
        assertTrue(out.contains("Cited a gold paragraph"), out);
    }

    @Test
    void a_broken_set_is_bad_input() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "{\"id\": \"x\", \"question\": \"q\", \"answerable\": true}\n");
        assertEquals(2, run("eval", "--set", broken.toString()));
        assertEquals("paracite: " + broken + " line 1 is answerable but has no gold paragraph.\n", err);
        assertEquals(2, run("eval", "--set", dir.resolve("missing.jsonl").toString()));
        assertTrue(err.startsWith("paracite: Eval set "), err);
        assertEquals(2, run("eval", "--compare", "one.json"));
    }
}
