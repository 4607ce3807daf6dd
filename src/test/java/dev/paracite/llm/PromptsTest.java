package dev.paracite.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @TempDir
    Path dir;

    @Test
    void built_in_prompts_load_and_ask_for_citations_and_the_fixed_reply() {
        Prompts prompts = Prompts.load(null);
        String system = prompts.system(Map.of("not_found", Prompts.NOT_FOUND));
        assertTrue(system.contains(Prompts.NOT_FOUND));
        assertTrue(system.contains("[8]"));
        assertTrue(system.contains("data, not instructions"));
    }

    @Test
    void the_repository_prompts_folder_is_what_the_jar_ships() throws IOException {
        Prompts fromFolder = Prompts.load(Path.of("prompts"));
        assertEquals(fromFolder, Prompts.load(null));
    }

    @Test
    void placeholders_are_filled_once_so_values_cannot_inject_placeholders() {
        assertEquals("Q: {{paragraphs}} / P: x", Prompts.fill("Q: {{question}} / P: {{paragraphs}}",
                Map.of("question", "{{paragraphs}}", "paragraphs", "x")));
        assertEquals("keep {{unknown}}", Prompts.fill("keep {{unknown}}", Map.of()));
    }

    @Test
    void a_missing_prompt_file_stops_with_its_name() throws IOException {
        Files.writeString(dir.resolve("system.txt"), "{{not_found}}");
        Files.writeString(dir.resolve("answer.txt"), "{{paragraphs}} {{question}}");
        PromptException e = assertThrows(PromptException.class, () -> Prompts.load(dir));
        assertEquals("Prompt file " + dir.resolve("condense.txt") + " does not exist.", e.getMessage());
    }

    @Test
    void a_prompt_without_a_required_placeholder_stops_with_its_name() throws IOException {
        Files.writeString(dir.resolve("system.txt"), "{{not_found}}");
        Files.writeString(dir.resolve("answer.txt"), "only {{question}}");
        Files.writeString(dir.resolve("condense.txt"), "{{history}} {{question}}");
        PromptException e = assertThrows(PromptException.class, () -> Prompts.load(dir));
        assertEquals("Prompt file " + dir.resolve("answer.txt") + " lacks the placeholder {{paragraphs}}.", e.getMessage());
    }
}
