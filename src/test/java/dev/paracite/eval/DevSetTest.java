package dev.paracite.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.Main;
import dev.paracite.assistant.Assistant;
import dev.paracite.assistant.Outcome;
import dev.paracite.assistant.Question;
import dev.paracite.assistant.Response;
import dev.paracite.corpus.DocumentLoader;
import dev.paracite.corpus.Paragraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * eval/dev.jsonl through the whole pipeline with the extractive model. Core questions (the first
 * development set) must all be right: answerable ones cite a gold paragraph with one in the top 3
 * retrieved, the others are not_in_document. Nothing ever cites an unretrieved paragraph. The rest of
 * the set is gated by eval/thresholds.json (EvalGateTest).
 */
class DevSetTest {

    private static final List<EvalQuestion> ALL = EvalSet.load(Path.of("eval/dev.jsonl"));
    private static final List<EvalQuestion> QUESTIONS = ALL.stream().filter(EvalQuestion::core).toList();
    private static final Assistant ASSISTANT = Main.assistant(DocumentLoader.builtIn());

    private static Response ask(EvalQuestion q) {
        return ASSISTANT.ask(new Question(q.question(), q.history(), Question.DEFAULT_TOP_K));
    }

    @Test
    void the_core_set_is_big_enough_and_covers_the_document() {
        long answerable = QUESTIONS.stream().filter(EvalQuestion::answerable).count();
        assertTrue(answerable >= 30, "answerable: " + answerable);
        assertTrue(QUESTIONS.size() - answerable >= 6, "unanswerable: " + (QUESTIONS.size() - answerable));
        Set<String> gold = QUESTIONS.stream().flatMap(q -> q.gold().stream()).collect(Collectors.toSet());
        Set<String> labels = ASSISTANT.document().paragraphs().stream().map(Paragraph::label).collect(Collectors.toSet());
        assertEquals(labels, gold, "every paragraph is the gold of some question");
    }

    @Test
    void every_answerable_core_question_cites_a_gold_paragraph_and_every_other_is_not_in_the_document() {
        List<String> failures = new ArrayList<>();
        for (EvalQuestion q : QUESTIONS) {
            Response r = ask(q);
            List<String> cited = r.citations().stream().map(Response.Cited::paragraph).toList();
            boolean ok = q.answerable()
                    ? r.outcome() == Outcome.ANSWERED && cited.stream().anyMatch(q.gold()::contains)
                    : r.outcome() == Outcome.NOT_IN_DOCUMENT && cited.isEmpty();
            if (!ok) {
                failures.add(q.id() + " " + r.outcome().wire() + " cited " + cited + ": " + r.answer());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void no_answer_in_the_whole_set_cites_a_paragraph_that_was_not_retrieved() {
        for (EvalQuestion q : ALL) {
            Response r = ask(q);
            Set<String> retrieved = r.retrieved().stream().map(Response.Retrieved::paragraph).collect(Collectors.toSet());
            for (Response.Cited c : r.citations()) {
                assertTrue(retrieved.contains(c.paragraph()), q.id() + " cites " + c.paragraph());
            }
            assertTrue(r.answer().matches("(?s)[^\\[]*(\\[[^\\]]+][^\\[]*)*"), q.id());
        }
    }

    @Test
    void a_gold_paragraph_is_in_the_top_3_for_every_answerable_core_question() {
        List<String> misses = new ArrayList<>();
        for (EvalQuestion q : QUESTIONS) {
            if (q.answerable()) {
                List<String> top3 = ask(q).retrieved().stream().limit(3)
                        .map(Response.Retrieved::paragraph).toList();
                if (top3.stream().noneMatch(q.gold()::contains)) {
                    misses.add(q.id() + " top 3 " + top3 + ", gold " + q.gold());
                }
            }
        }
        assertEquals(List.of(), misses);
    }

    @Test
    void questions_full_of_query_syntax_answer_normally() {
        Response r = ASSISTANT.ask(Question.of("what \"about\" (borders) AND:* ~2 -x?"));
        assertEquals(Outcome.ANSWERED, r.outcome());
        assertEquals("13", r.citations().get(0).paragraph());
        Response ruble = ASSISTANT.ask(Question.of("ruble: reserve* currency? (AND OR NOT) {1 TO 2} ^3 \\ /"));
        assertEquals(List.of("8"), ruble.citations().stream().map(Response.Cited::paragraph).toList());
    }
}
