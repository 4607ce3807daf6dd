package dev.paracite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as a user runs it: one self-contained file, offline, with its exit codes. */
class JarIT {

    private static final Path JAR = Path.of("target/paracite.jar");

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("paracite-out", ".txt");
        Path err = Files.createTempFile("paracite-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish within 60 s");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void the_readme_question_is_answered_with_paragraph_8() throws Exception {
        Run r = run("ask", "What role should the ruble play?");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("reserve currency [8]."), r.out());
        assertTrue(r.out().contains("[8] II. Economic cooperation"), r.out());
        assertTrue(r.err().contains("dropped lines 63-65: paragraph 15 repeated with identical text"), r.err());
    }

    @Test
    void json_and_exit_code_3_for_a_question_the_document_cannot_answer() throws Exception {
        Run r = run("ask", "--json", "What is the population of Kazakhstan?");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.out().contains("\"outcome\" : \"not_in_document\""), r.out());
    }

    @Test
    void bad_input_exits_2() throws Exception {
        Run r = run("ask", " ");
        assertEquals(2, r.code());
        assertEquals("paracite: The question is empty.\n", r.err());
    }
}
