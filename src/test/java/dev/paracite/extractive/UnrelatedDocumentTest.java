package dev.paracite.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.assistant.Draft;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The extractive model on a document unrelated to the built-in one (a public library's lending rules,
 * written for this test): it answers everyday questions from the paragraph that says so, words the
 * document does not use included, and declines what the rules do not cover.
 */
class UnrelatedDocumentTest {

    private static final Document RULES = DocumentParser.parse("library-lending-rules", """
            I. Borrowing
            1. Members may borrow up to six books at a time with a valid library card.
            2. Books are lent for three weeks. A loan may be renewed twice online unless another member has reserved the book.
            3. Audiobooks and DVDs are lent for one week and cannot be renewed.
            II. Fees
            4. Overdue books cost 20 cents per day, up to a maximum of 5 dollars per book.
            5. A lost or damaged book must be replaced or paid for at its listed price.
            III. Conduct
            6. Food and drinks other than water are not allowed in the reading rooms.
            7. Mobile phones must be switched to silent mode inside the library.
            """);
    private static final OfflineAnswers ANSWERS = new OfflineAnswers(RULES);

    @AfterAll
    static void close() {
        ANSWERS.close();
    }

    private static Draft ask(String question) {
        return ANSWERS.ask(question);
    }

    /** Questions people ask about such rules, with the paragraph that answers each. */
    static final java.util.Map<String, String> ANSWERABLE = java.util.Map.of(
            "How many books can I take out at once?", "1",
            "How long can I keep a book?", "2",
            "Can I renew a DVD?", "3",
            "What is the fine for returning a book late?", "4",
            "What happens if I lose a book?", "5",
            "Can I eat in the reading room?", "6",
            "Do I have to turn off my phone?", "7",
            "How many times can I renew a loan online?", "2");
    /** Questions the rules do not answer, near misses included. */
    static final java.util.List<String> UNANSWERABLE = java.util.List.of("What are the opening hours on Sundays?",
            "Who is the head librarian?", "Can I borrow e-books?", "How much does a library card cost?");

    /** Measured when the test was written (closing note of the offline-answers issue): 4 of 8 and 2 of 4. */
    static final int ANSWERED_RIGHT = 4;
    static final int DECLINED = 2;

    @Test
    void answers_everyday_questions_from_the_paragraph_that_says_so_and_declines_what_the_rules_leave_out() {
        int right = 0;
        StringBuilder report = new StringBuilder();
        for (java.util.Map.Entry<String, String> q : new java.util.TreeMap<>(ANSWERABLE).entrySet()) {
            Draft d = ask(q.getKey());
            boolean ok = !d.declined() && d.text().contains("[" + q.getValue() + "]");
            right += ok ? 1 : 0;
            report.append(ok ? "  right: " : "  WRONG: ").append(q.getKey()).append(" -> ").append(d.text()).append('\n');
        }
        int declined = 0;
        for (String q : UNANSWERABLE) {
            Draft d = ask(q);
            declined += d.declined() ? 1 : 0;
            report.append(d.declined() ? "  declined: " : "  ANSWERED: ").append(q).append(" -> ").append(d.text()).append('\n');
        }
        System.out.println("unrelated document: " + right + " of " + ANSWERABLE.size() + " answered from the right paragraph, "
                + declined + " of " + UNANSWERABLE.size() + " declined\n" + report);
        assertTrue(right >= ANSWERED_RIGHT, report.toString());
        assertTrue(declined >= DECLINED, report.toString());
    }

    @Test
    void a_quote_is_the_paragraphs_own_words_with_its_marker() {
        assertEquals("Audiobooks and DVDs are lent for one week and cannot be renewed [3].", ask("Can I renew a DVD?").text());
    }
}
