package dev.paracite.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an evaluation set: one JSON object per line, blank lines ignored. */
public final class EvalSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSet() {}

    public static List<EvalQuestion> load(Path file) {
        List<EvalQuestion> questions = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    questions.add(parse(file, i + 1, lines.get(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read eval set " + file, e);
        }
        return questions;
    }

    private static EvalQuestion parse(Path file, int line, String json) {
        try {
            return JSON.readValue(json, EvalQuestion.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " line " + line + " is not a valid question: " + e.getMessage(), e);
        }
    }
}
