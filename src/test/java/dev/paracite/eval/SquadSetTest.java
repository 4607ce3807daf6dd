package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquadSetTest {

    @TempDir
    Path dir;

    @Test
    void an_article_becomes_a_document_of_numbered_paragraphs_with_gold_labels() throws IOException {
        Files.createDirectories(dir.resolve("articles"));
        Files.writeString(dir.resolve("articles/00_Tea.json"), """
                {"version": "v2.0", "data": [{"title": "Tea", "paragraphs": [
                  {"context": "Tea is a drink.", "qas": [
                    {"id": "q1", "question": "What is tea?", "is_impossible": false, "answers": [{"text": "a drink", "answer_start": 7}]}]},
                  {"context": "Green tea is steamed.", "qas": [
                    {"id": "q2", "question": "How is green tea made?", "is_impossible": false, "answers": [{"text": "steamed", "answer_start": 13}, {"text": "steamed", "answer_start": 13}]},
                    {"id": "q3", "question": "Who invented tea?", "is_impossible": true, "answers": []}]}]}]}
                """);
        List<EvalCase> cases = SquadSet.load(dir, 1);
        assertEquals(1, cases.size());
        EvalCase tea = cases.get(0);
        assertEquals("Tea", tea.document().name());
        assertEquals(List.of("1", "2"), tea.document().paragraphs().stream().map(p -> p.label()).toList());
        assertEquals("Green tea is steamed.", tea.document().paragraph("2").orElseThrow().text());
        EvalQuestion q2 = tea.questions().get(1);
        assertEquals("Tea/q2", q2.id());
        assertEquals(List.of("2"), q2.gold());
        assertEquals(List.of(List.of("steamed")), q2.facts());
        EvalQuestion q3 = tea.questions().get(2);
        assertFalse(q3.answerable());
        assertTrue(q3.gold().isEmpty());
        assertEquals("squad-unanswerable", q3.kind());
        assertEquals(List.of("Tea/q1", "Tea/q3"), SquadSet.load(dir, 2).get(0).questions().stream().map(EvalQuestion::id).toList());
    }

    @Test
    void the_shared_dataset_loads_all_ten_articles() {
        Path shared = Path.of("../shared/datasets/squad2-dev-part");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "shared datasets not beside the project");
        List<EvalCase> cases = SquadSet.load(shared, 1);
        assertEquals(10, cases.size());
        assertEquals(370, cases.stream().mapToInt(c -> c.document().paragraphs().size()).sum());
        assertEquals(3366, cases.stream().mapToInt(c -> c.questions().size()).sum());
    }
}
