package dev.paracite.assistant;

import dev.paracite.assistant.Response.Cited;
import dev.paracite.assistant.Response.Retrieved;
import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.EmbeddingException;
import dev.paracite.grounding.Context;
import dev.paracite.grounding.Support;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.IndexStatus;
import dev.paracite.retrieval.Retrieval;
import dev.paracite.retrieval.Retriever;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answering pipeline every model goes through: retrieve, let the model write, and show only the
 * statements that cite a paragraph provided for this question and are supported by it, each as soon
 * as it is complete and checked. With a fallback model, a model that fails before its first statement
 * was shown is replaced by the fallback; one that fails after ends with what was shown and a notice.
 */
public final class Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);

    /** Shown when none of a model's statements survives the check: its claims cannot be traced, so they are withheld. */
    static final String UNGROUNDED = "The answer could not be grounded in the document: none of its statements "
            + "is supported by a paragraph retrieved for this question, so it is not shown.";
    static final String STOPPED_EARLY = "The model stopped before finishing; the answer may be incomplete.";

    private final Retriever retriever;
    private final AnswerModel model;
    private final AnswerModel fallback;
    private final Condenser condenser;
    private final Support support;
    private final Document document;
    private final Context context;
    private final Set<String> labels;
    private final AnswerMetrics metrics;

    public Assistant(Retriever retriever, AnswerModel model, Support support) {
        this(retriever, model, null, FollowUp.INSTANCE, support);
    }

    /** {@code fallback} (may be null) answers when {@code model} fails before anything was shown. */
    public Assistant(Retriever retriever, AnswerModel model, AnswerModel fallback, Condenser condenser, Support support) {
        this(retriever, model, fallback, condenser, support, AnswerMetrics.NONE);
    }

    /** The same, reporting each answer to {@code metrics}. */
    public Assistant(Retriever retriever, AnswerModel model, AnswerModel fallback, Condenser condenser, Support support,
                     AnswerMetrics metrics) {
        this(retriever, model, fallback, condenser, support, metrics, Context.of(retriever.document()));
    }

    /** The same, with the names the documents are about already known (a library keeps each document's). */
    public Assistant(Retriever retriever, AnswerModel model, AnswerModel fallback, Condenser condenser, Support support,
                     AnswerMetrics metrics, Context context) {
        this.retriever = retriever;
        this.model = model;
        this.fallback = fallback;
        this.condenser = condenser;
        this.support = support;
        this.document = retriever.document();
        this.context = context;
        this.labels = document.byLabel().keySet();
        this.metrics = metrics;
    }

    public Response ask(Question question) {
        return ask(question, AnswerListener.NONE);
    }

    /**
     * Answers, telling {@code listener} what was retrieved and then each statement once it has passed the
     * check. An embedding model that cannot run here makes the answer unavailable, as a failing language
     * model does.
     */
    public Response ask(Question question, AnswerListener listener) {
        return ask(question, listener, Call.start());
    }

    /** The same within {@code call}, which the caller may cancel when nobody waits for the answer any more. */
    public Response ask(Question question, AnswerListener listener, Call call) {
        metrics.started();
        String failed = AnswerMetrics.ERROR;
        try {
            Response response = answer(question, listener, call);
            failed = null;
            metrics.answered(response);
            return response;
        } catch (EmbeddingException e) {
            failed = AnswerMetrics.MODEL_UNAVAILABLE;
            throw new ModelUnavailableException("embedding", 0, false, e.getMessage(), e);
        } catch (ModelUnavailableException e) {
            failed = AnswerMetrics.MODEL_UNAVAILABLE;
            throw e;
        } finally {
            if (failed != null) {
                metrics.failed(call.cancelled() ? AnswerMetrics.ABANDONED : failed);
            }
        }
    }

    /**
     * The follow-up made standalone, checked like a question a user typed: a model's rewrite is not
     * searched or sent on when it is longer than a question may be.
     */
    private String condensed(Question question, Call call) {
        String standalone = condenser.standalone(question.text(), question.history(), call);
        int length = standalone.codePointCount(0, standalone.length());
        if (length > Question.MAX_LENGTH) {
            throw new ModelUnavailableException(model.name(), 0, false, "The model rewrote the follow-up question as "
                    + length + " characters; a question may have at most " + Question.MAX_LENGTH + ".", null);
        }
        return standalone;
    }

    private Response answer(Question question, AnswerListener listener, Call call) {
        long start = System.nanoTime();
        String standalone = question.history().isEmpty() ? question.text() : condensed(question, call);
        Retrieval retrieval = retriever.retrieve(standalone, question.topK(), question.documents());
        long retrieved = System.nanoTime();
        List<Retrieved> hits = retrieval.hits().stream().map(Assistant::retrieved).toList();
        listener.retrieved(hits);
        Map<String, Paragraph> provided = new LinkedHashMap<>();
        retrieval.hits().forEach(h -> provided.put(h.label(), h.paragraph()));
        List<String> notices = new ArrayList<>();
        Written written;
        if (onlyMissingReferences(retrieval) && retrieval.hits().isEmpty()) {
            written = Written.declined(model, MissingReferences.sentence(retrieval.references().missing(), document));
        } else {
            written = write(new AnswerRequest(question.text(), standalone, question.history(), retrieval, call), provided,
                    listener, notices);
            if (written.draft.declined() && onlyMissingReferences(retrieval)) {
                // the missing paragraph is the more useful thing to say than "not found"
                written = Written.declined(written.by, MissingReferences.sentence(retrieval.references().missing(), document));
            }
        }
        long answered = System.nanoTime();
        Grounder g = written.grounder;
        boolean grounded = g != null && g.emitted();
        if (grounded && written.draft.note() != null) {
            notices.add(0, written.draft.note());
        }
        if (grounded && !retrieval.references().missing().isEmpty()) {
            notices.add(MissingReferences.sentence(retrieval.references().missing(), document));
        }
        String answer = grounded ? g.answer() : written.draft.declined() ? written.draft.text() : UNGROUNDED;
        return new Response(grounded ? Outcome.ANSWERED : Outcome.NOT_IN_DOCUMENT, answer,
                grounded ? g.statements() : List.of(),
                grounded ? g.cited().stream().map(this::cited).toList() : List.of(), hits,
                g == null ? List.of() : g.droppedCitations(),
                g == null || written.draft.declined() ? List.of() : g.droppedStatements(),
                written.by.name(), document.name(),
                new Response.Timings(ms(retrieved - start), ms(answered - retrieved), ms(System.nanoTime() - start)),
                notices.isEmpty() ? null : String.join(" ", notices));
    }

    /** A model's draft with the check it went through, and which model wrote it. */
    private record Written(Draft draft, Grounder grounder, AnswerModel by) {
        static Written declined(AnswerModel by, String text) {
            return new Written(Draft.decline(text), null, by);
        }
    }

    private Written write(AnswerRequest request, Map<String, Paragraph> provided, AnswerListener listener,
                          List<String> notices) {
        Grounder grounder = grounder(provided, listener);
        try {
            Draft draft = draft(model, request, grounder, listener);
            if (!draft.complete() && !grounder.emitted() && fallback != null) {
                return fallBack(request, provided, listener, notices, "it stopped before finishing its answer.");
            }
            if (!draft.complete()) {
                notices.add(STOPPED_EARLY);
            }
            return new Written(draft, grounder, model);
        } catch (ModelUnavailableException e) {
            if (grounder.emitted()) {
                LOG.warn("{} failed after part of its answer was shown: {}", model.name(), e.getMessage());
                grounder.finish(false);
                notices.add(STOPPED_EARLY);
                return new Written(Draft.unfinished(grounder.answer()), grounder, model);
            }
            if (fallback == null || request.call().cancelled()) {
                throw e;
            }
            return fallBack(request, provided, listener, notices, e.getMessage());
        }
    }

    private Written fallBack(AnswerRequest request, Map<String, Paragraph> provided, AnswerListener listener,
                             List<String> notices, String why) {
        LOG.warn("{} unavailable, answering with {}: {}", model.name(), fallback.name(), why);
        notices.add("The " + model.name() + " model was unavailable (" + why + "); the built-in "
                + fallback.name() + " model answered instead.");
        Grounder grounder = grounder(provided, listener);
        return new Written(draft(fallback, request, grounder, listener), grounder, fallback);
    }

    /** Lets {@code writer} answer, feeding its text through {@code grounder}; the grounder has finished on return. */
    private static Draft draft(AnswerModel writer, AnswerRequest request, Grounder grounder, AnswerListener listener) {
        Draft draft;
        if (listener == AnswerListener.NONE) {
            draft = writer.answer(request);
            grounder.accept(draft.text());
        } else {
            draft = writer.stream(request, piece -> {
                listener.progress();
                grounder.accept(piece);
            });
        }
        grounder.finish(draft.complete());
        return draft;
    }

    private Grounder grounder(Map<String, Paragraph> provided, AnswerListener listener) {
        return new Grounder(provided, labels, support, context, listener::delta);
    }

    /** The index retrieval searches, and whether it can be reached now (for the health endpoint). */
    public IndexStatus index() {
        return retriever.indexStatus();
    }

    public Document document() {
        return document;
    }

    public String modelName() {
        return model.name();
    }

    /** The check every statement of an answer passes, for evaluations that check answers again. */
    public Support support() {
        return support;
    }

    private static boolean onlyMissingReferences(Retrieval retrieval) {
        return retrieval.references().labels().isEmpty() && !retrieval.references().missing().isEmpty();
    }

    private Cited cited(String label) {
        return Cited.of(document.paragraph(label).orElseThrow());
    }

    private static Retrieved retrieved(Hit hit) {
        return Retrieved.of(hit.paragraph(), Math.round(hit.score() * 1000) / 1000.0);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
