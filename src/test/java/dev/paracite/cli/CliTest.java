package dev.paracite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private final List<String> served = new ArrayList<>();
    private String out = "";
    private String err = "";

    private int run(Map<String, String> env, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Cli.run(args, env, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), Main::assistant,
                (assistant, server) -> {
                    served.add(server.host() + ":" + server.port() + " " + assistant.document().name());
                    return 0;
                });
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void ask_prints_the_answer_then_each_cited_paragraph_and_exits_0() {
        assertEquals(0, run("ask", "What role should the ruble play?"));
        assertTrue(out.startsWith("In this regard, accelerate the practical work on the formation of the Payment Union"), out);
        assertTrue(out.contains("reserve currency [8]."));
        assertTrue(out.contains("\nCited paragraphs:\n\n[8] II. Economic cooperation\nTo consider the normalization"));
        assertEquals("", err);
    }

    @Test
    void json_output_has_exactly_the_response_fields_in_order() throws IOException {
        assertEquals(0, run("ask", "--json", "What role should the ruble play?"));
        JsonNode json = new ObjectMapper().readTree(out);
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("outcome", "answer", "statements", "citations", "retrieved", "droppedCitations",
                "droppedStatements", "model", "document", "timings"), fields);
        assertEquals("answered", json.get("outcome").asText());
        assertEquals("8", json.get("citations").get(0).get("paragraph").asText());
        assertEquals("II. Economic cooperation", json.get("citations").get(0).get("section").asText());
        assertTrue(json.get("retrieved").get(0).get("score").isNumber());
        assertEquals("extractive", json.get("model").asText());
        assertEquals("strategic-course-cis", json.get("document").asText());
        assertTrue(json.get("timings").has("retrievalMs") && json.get("timings").has("modelMs")
                && json.get("timings").has("totalMs"));
    }

    @Test
    void a_question_the_document_cannot_answer_exits_3() {
        assertEquals(3, run("ask", "What is the capital of France?"));
        assertTrue(out.startsWith("The document does not give an answer"), out);
    }

    @Test
    void bad_input_exits_2_with_one_line_on_stderr() {
        assertEquals(2, run("ask", ""));
        assertEquals("paracite: The question is empty.\n", err);
        assertEquals(2, run("ask", "x".repeat(2001)));
        assertEquals("paracite: The question is 2001 characters long; the limit is 2000.\n", err);
        assertEquals(2, run("ask"));
        assertTrue(err.startsWith("paracite: ask needs a question"));
        assertEquals(2, run("ask", "--top-k", "0", "q"));
        assertEquals("paracite: topK must be between 1 and 20; it was 0.\n", err);
        assertEquals(2, run("ask", "--frobnicate", "q"));
        assertEquals("paracite: Unknown option --frobnicate; see paracite ask --help.\n", err);
        assertEquals(2, run("fly"));
        assertEquals("paracite: Unknown command \"fly\"; see paracite --help.\n", err);
        assertEquals("", out);
    }

    @Test
    void serve_defaults_to_loopback_port_7070_and_takes_flags_or_environment() {
        assertEquals(0, run("serve"));
        assertEquals(0, run(Map.of("PARACITE_PORT", "8080", "PARACITE_HOST", "0.0.0.0"), "serve"));
        assertEquals(0, run(Map.of("PARACITE_PORT", "8080"), "serve", "--port", "9090", "--host", "localhost"));
        assertEquals(List.of("127.0.0.1:7070 strategic-course-cis", "0.0.0.0:8080 strategic-course-cis",
                "localhost:9090 strategic-course-cis"), served);
        assertEquals(2, run("serve", "--port", "70000"));
        assertEquals("paracite: --port must be between 0 and 65535; it was 70000.\n", err);
        assertEquals(2, run("serve", "--model", "gpt"));
        assertEquals("paracite: Unknown model \"gpt\"; use extractive, openai or anthropic.\n", err);
        assertEquals(2, run("serve", "--model", "anthropic"));
        assertEquals("paracite: The anthropic model needs an API key: set PARACITE_API_KEY.\n", err);
        assertEquals(2, run("serve", "--model", "openai"));
        assertTrue(err.startsWith("paracite: The openai model at https://api.openai.com/v1 needs an API key: set PARACITE_API_KEY"));
        assertEquals(2, run("serve", "--model", "openai", "--base-url", "localhost:8000"));
        assertEquals("paracite: The base URL \"localhost:8000\" is not an http:// or https:// address.\n", err);
        assertEquals(2, run("serve", "--fallback", "gpt"));
        assertEquals("paracite: --fallback must be extractive or none; it was \"gpt\".\n", err);
        assertEquals(2, run("serve", "--temperature", "hot"));
        assertEquals("paracite: --temperature must be a number; it was \"hot\".\n", err);
        assertEquals(2, run("serve", "--model", "openai", "--base-url", "http://127.0.0.1:9", "--prompts", "/nonexistent"));
        assertEquals("paracite: Prompt file /nonexistent/system.txt does not exist.\n", err);
        assertEquals(2, run("serve", "--port", "http"));
        assertEquals("paracite: --port must be a whole number; it was \"http\".\n", err);
    }

    @Test
    void generated_bad_command_lines_all_exit_2_with_one_clean_line_and_the_cli_still_answers() {
        List<String[]> bad = new ArrayList<>();
        for (String option : List.of("--document", "--top-k", "--port", "--host", "--model", "--timeout", "--set", "--prompts")) {
            bad.add(new String[] {"ask", "q", option});
        }
        for (String value : List.of("-1", "0", "21", "x", "1.5", "99999999999", "")) {
            bad.add(new String[] {"ask", "--top-k", value, "q"});
            bad.add(new String[] {"serve", "--port", value.equals("0") ? "-5" : value.equals("21") ? "65536" : value});
            bad.add(new String[] {"ask", "--model", "openai", "--base-url", "http://127.0.0.1:9", "--timeout", Map.of("-1", "-1", "0", "-1", "21", "0.01", "x", "x", "1.5", "1e9", "99999999999", "99999999999", "", "nan").get(value), "q"});
        }
        for (String q : List.of("", " ", "\n\t", "x".repeat(2_001), "a\u0000b", "\u001b[2J")) {
            bad.add(new String[] {"ask", q});
        }
        for (String option : List.of("--bogus", "-x", "--JSON", "--top_k=5", "---document")) {
            bad.add(new String[] {"ask", option, "q"});
        }
        bad.add(new String[] {"fly"});
        bad.add(new String[] {"ask"});
        bad.add(new String[] {"eval", "--compare", "only-one.json"});
        bad.add(new String[] {"ask", "--document", "/nonexistent/doc.txt", "q"});
        bad.add(new String[] {"ask", "--document", "/", "q"});
        bad.add(new String[] {"ask", "--model", "claude", "q"});
        bad.add(new String[] {"ask", "--fallback", "maybe", "q"});
        bad.add(new String[] {"ask", "--temperature", "3", "q"});
        for (String[] args : bad) {
            assertEquals(2, run(args), String.join(" ", args) + " -> " + out + err);
            assertTrue(err.startsWith("paracite: ") && err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                    String.join(" ", args) + " -> " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        }
        assertTrue(bad.size() >= 40, "cases: " + bad.size());
        assertEquals(0, run("ask", "What role should the ruble play?"));
        assertTrue(out.contains("[8]"));
    }

    @Test
    void help_lists_the_commands_and_each_command_its_options_with_default_and_variable() {
        assertEquals(0, run("--help"));
        for (String word : List.of("serve", "ask", "document", "eval", "add", "documents", "remove", "help",
                "Usage: target/paracite <command> [options]", "Exit codes: 0 answered")) {
            assertTrue(out.contains(word), word);
        }
        String top = out;
        assertEquals(0, run());
        assertTrue(out.startsWith("Paracite"));
        assertEquals(top, out, "no arguments print the help");
        assertEquals(0, run("ask", "--help"));
        assertTrue(out.contains("--top-k=N") && out.contains("(default 5; env PARACITE_TOP_K)"), out);
        assertTrue(out.contains("--document=PATH") && out.contains("(env PARACITE_DOCUMENT)"), out);
        assertEquals(0, run("help", "serve"));
        assertTrue(out.contains("--port=N") && out.contains("(default 7070; env PARACITE_PORT)"), out);
    }

    /** Each command's options, by command: what its --help must list, and nothing else. */
    private static final Map<String, List<String>> OWN = Map.of(
            "ask", List.of("--document", "--retrieval", "--model", "--temperature", "--top-k", "--json", "--data-dir"),
            "serve", List.of("--document", "--retrieval", "--model", "--temperature", "--host", "--port",
                    "--access-keys", "--rate-limit", "--metrics-key", "--log-questions", "--data-dir", "--keep-versions",
                    "--max-upload"),
            "eval", List.of("--document", "--retrieval", "--model", "--temperature", "--set", "--sample", "--out",
                    "--thresholds", "--articles", "--require-thresholds", "--replay", "--compare"),
            "document", List.of("--document", "--json"),
            "add", List.of("--data-dir", "--retrieval", "--keep-versions", "--max-upload", "--id", "--title", "--progress"),
            "documents", List.of("--data-dir", "--retrieval", "--json"),
            "remove", List.of("--data-dir", "--retrieval"));

    @Test
    void each_commands_help_lists_only_its_own_options() {
        List<String> all = OWN.values().stream().flatMap(List::stream).distinct().toList();
        for (Map.Entry<String, List<String>> command : OWN.entrySet()) {
            assertEquals(0, run(command.getKey(), "--help"));
            for (String option : all) {
                assertEquals(command.getValue().contains(option), out.contains(option + "=") || out.contains(option + " "),
                        command.getKey() + " --help and " + option + ":\n" + out);
            }
        }
    }

    @Test
    void an_option_of_another_command_is_a_usage_error_naming_it() {
        assertEquals(2, run("ask", "--port", "1", "q"));
        assertEquals("paracite: Unknown option --port; see paracite ask --help.\n", err);
        assertEquals(2, run("ask", "--port", "99999", "--rate-limit", "5", "--set", "foo", "q"));
        assertTrue(err.contains("--port"), err);
        assertEquals(2, run("document", "--model", "openai"));
        assertEquals("paracite: Unknown option --model; see paracite document --help.\n", err);
        assertEquals(2, run("serve", "--set", "eval/dev.jsonl"));
        assertTrue(err.startsWith("paracite: Unknown option --set;"), err);
        assertEquals(2, run("ask", "q", "--top-k"));
        assertEquals("paracite: Missing required parameter for option '--top-k' (N); see paracite ask --help.\n", err);
        assertEquals("", out);
        assertTrue(served.isEmpty());
    }

    @Test
    void a_variable_sets_an_option_a_flag_wins_and_a_bad_variable_is_bad_input_naming_the_option() {
        assertEquals(0, run(Map.of("PARACITE_PORT", "not a port"), "serve", "--port", "8081"));
        assertEquals(List.of("127.0.0.1:8081 strategic-course-cis"), served);
        assertEquals(2, run(Map.of("PARACITE_PORT", "not a port"), "serve"));
        assertEquals("paracite: --port must be a whole number; it was \"not a port\".\n", err);
        assertEquals(2, run(Map.of("PARACITE_TEMPERATURE", "5"), "ask", "q"));
        assertEquals("paracite: --temperature must be between 0 and 2; it was 5.\n", err);
        assertEquals(2, run(Map.of("PARACITE_LOG_QUESTIONS", "yes"), "serve"));
        assertTrue(err.contains("--log-questions"), err);
        assertEquals(2, run(Map.of("PARACITE_RETRIEVAL", "dense"), "ask", "q"));
        assertEquals("paracite: --retrieval must be bm25 or hybrid; it was \"dense\".\n", err);
        assertEquals(1, served.size(), "nothing served after bad input");
    }

    @Test
    void another_document_comes_from_the_flag_or_the_environment_and_the_flag_wins() throws IOException {
        Path doc = Files.writeString(dir.resolve("tea.txt"), "1. Green tea is steamed.\n2. Black tea is oxidised.\n");
        Path other = Files.writeString(dir.resolve("other.txt"), "1. Nothing about drinks.\n");
        assertEquals(0, run("ask", "--document", doc.toString(), "How is black tea made?"));
        assertTrue(out.startsWith("Black tea is oxidised [2]."), out);
        assertEquals(0, run(Map.of("PARACITE_DOCUMENT", doc.toString()), "ask", "--json", "green tea?"));
        assertTrue(out.contains("\"document\" : \"tea\""));
        assertEquals(0, run(Map.of("PARACITE_DOCUMENT", other.toString()), "ask", "--document", doc.toString(), "green tea?"));
        assertTrue(out.startsWith("Green tea is steamed [1]."), out);
    }

    @Test
    void an_unusable_document_exits_2_naming_the_file() {
        Path missing = dir.resolve("missing.txt");
        assertEquals(2, run("ask", "--document", missing.toString(), "q"));
        assertEquals("paracite: Document " + missing + " does not exist.\n", err);
    }

    @Test
    void document_lists_paragraphs_sections_and_ingestion_notes() {
        assertEquals(0, run("document"));
        assertTrue(out.startsWith("strategic-course-cis: 25 paragraphs in 7 sections"), out);
        assertTrue(out.contains("dropped lines 63-65: paragraph 15 repeated with identical text"));
        assertTrue(out.contains("IV. Humanitarian cooperation and human rights"));
    }

    @Test
    void document_json_is_the_summary_with_its_ingestion_notes() throws IOException {
        assertEquals(0, run("document", "--json"));
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals(List.of("name", "paragraphs", "sections", "ingestion"), fieldNames(json));
        assertEquals(25, json.get("paragraphs").asInt());
        assertEquals(12, json.get("ingestion").size());
        JsonNode note = json.get("ingestion").get(0);
        assertEquals(List.of("action", "firstLine", "lastLine", "paragraph", "message"), fieldNames(note));
        assertTrue(List.of("dropped", "flagged").contains(note.get("action").asText()), note.toString());
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
