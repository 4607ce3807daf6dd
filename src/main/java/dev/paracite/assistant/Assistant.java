package dev.paracite.assistant;

import dev.paracite.assistant.Response.Cited;
import dev.paracite.assistant.Response.Retrieved;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.Retrieval;
import dev.paracite.retrieval.Retriever;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one answering pipeline every model goes through: retrieve, let the model write, keep only
 * citations of paragraphs provided for this question, and decide the outcome.
 */
public final class Assistant {

    /** Shown when a model's answer is left with no valid citation: its claims cannot be traced, so they are withheld. */
    static final String UNGROUNDED = "The answer could not be grounded in the document: it cited no paragraph "
            + "that was retrieved for this question, so it is not shown.";

    private final Retriever retriever;
    private final AnswerModel model;
    private final Condenser condenser;
    private final Document document;
    private final Set<String> labels;

    public Assistant(Retriever retriever, AnswerModel model) {
        this(retriever, model, FollowUp.INSTANCE);
    }

    public Assistant(Retriever retriever, AnswerModel model, Condenser condenser) {
        this.retriever = retriever;
        this.model = model;
        this.condenser = condenser;
        this.document = retriever.document();
        this.labels = document.paragraphs().stream().map(Paragraph::label).collect(Collectors.toUnmodifiableSet());
    }

    public Response ask(Question question) {
        return ask(question, AnswerListener.NONE);
    }

    /** Answers, telling {@code listener} what was retrieved and then the answer text as it is produced. */
    public Response ask(Question question, AnswerListener listener) {
        long start = System.nanoTime();
        String standalone = question.history().isEmpty() ? question.text()
                : condenser.standalone(question.text(), question.history());
        Retrieval retrieval = retriever.retrieve(standalone, question.topK());
        long retrieved = System.nanoTime();
        List<Retrieved> hits = retrieval.hits().stream().map(Assistant::retrieved).toList();
        listener.retrieved(hits);
        Set<String> provided = retrieval.hits().stream().map(Hit::label).collect(Collectors.toSet());
        StreamingCitations stream = new StreamingCitations(provided, labels, listener::delta);
        Draft draft;
        if (onlyMissingReferences(retrieval) && retrieval.hits().isEmpty()) {
            draft = Draft.decline(MissingReferences.sentence(retrieval.references().missing(), document));
            stream.accept(draft.text());
        } else {
            AnswerRequest request = new AnswerRequest(question.text(), standalone, question.history(), retrieval);
            draft = listener == AnswerListener.NONE ? model.answer(request) : model.stream(request, stream::accept);
            if (draft.declined() && onlyMissingReferences(retrieval)) {
                // the missing paragraph is the more useful thing to say than "not found"
                draft = Draft.decline(MissingReferences.sentence(retrieval.references().missing(), document));
            }
        }
        stream.finish();
        long answered = System.nanoTime();
        CitationCheck check = CitationCheck.of(draft.text(), provided, labels);
        boolean grounded = !check.cited().isEmpty();
        String answer = grounded || draft.declined() ? check.text() : UNGROUNDED;
        if (grounded && !retrieval.references().missing().isEmpty()) {
            String note = " " + MissingReferences.sentence(retrieval.references().missing(), document);
            listener.delta(note);
            answer = answer + note;
        }
        return new Response(grounded ? Outcome.ANSWERED : Outcome.NOT_IN_DOCUMENT, answer,
                check.cited().stream().map(this::cited).toList(), hits,
                check.dropped(), draft.model() == null ? model.name() : draft.model(), document.name(),
                new Response.Timings(ms(retrieved - start), ms(answered - retrieved), ms(System.nanoTime() - start)),
                draft.notice());
    }

    public Document document() {
        return document;
    }

    public String modelName() {
        return model.name();
    }

    private static boolean onlyMissingReferences(Retrieval retrieval) {
        return retrieval.references().labels().isEmpty() && !retrieval.references().missing().isEmpty();
    }

    private Cited cited(String label) {
        Paragraph p = document.paragraph(label).orElseThrow();
        return new Cited(p.label(), p.section(), p.text());
    }

    private static Retrieved retrieved(Hit hit) {
        Paragraph p = hit.paragraph();
        return new Retrieved(p.label(), p.section(), Math.round(hit.score() * 1000) / 1000.0, p.text());
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

}
