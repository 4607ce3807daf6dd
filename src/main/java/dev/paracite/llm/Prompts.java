package dev.paracite.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The prompt templates from prompts/ (inside the jar, or a directory given with --prompts), loaded and
 * checked once at start. Placeholders are written {{name}}.
 */
public record Prompts(String system, String answer, String condense) {

    /** The fixed reply the system prompt asks for when the paragraphs do not answer the question. */
    public static final String NOT_FOUND = "The document does not contain the answer to this question.";

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "system.txt", List.of("not_found"),
            "answer.txt", List.of("paragraphs", "question"),
            "condense.txt", List.of("history", "question"));

    /** Loads from {@code dir}, or from the copy inside the jar when {@code dir} is null. */
    public static Prompts load(Path dir) {
        return new Prompts(read(dir, "system.txt"), read(dir, "answer.txt"), read(dir, "condense.txt"));
    }

    public String system(Map<String, String> values) {
        return fill(system, values);
    }

    public String answer(Map<String, String> values) {
        return fill(answer, values);
    }

    public String condense(Map<String, String> values) {
        return fill(condense, values);
    }

    /** Replaces each {{name}} in one pass, so placeholder-like text inside values stays as it is. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int open = template.indexOf("{{"); open >= 0; open = template.indexOf("{{", at)) {
            int close = template.indexOf("}}", open);
            if (close < 0) {
                break;
            }
            String name = template.substring(open + 2, close).strip();
            out.append(template, at, open).append(values.getOrDefault(name, template.substring(open, close + 2)));
            at = close + 2;
        }
        return out.append(template.substring(at)).toString();
    }

    private static String read(Path dir, String file) {
        String text;
        String where = dir == null ? "built-in prompt " + file : "Prompt file " + dir.resolve(file);
        try {
            if (dir == null) {
                try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + file)) {
                    if (in == null) {
                        throw new PromptException(where + " is missing from the jar.");
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else if (!Files.isRegularFile(dir.resolve(file))) {
                throw new PromptException(where + " does not exist.");
            } else {
                text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new PromptException(where + " cannot be read: " + e.getMessage() + ".");
        }
        for (String placeholder : REQUIRED.get(file)) {
            if (!text.contains("{{" + placeholder + "}}")) {
                throw new PromptException(where + " lacks the placeholder {{" + placeholder + "}}.");
            }
        }
        return text;
    }
}
