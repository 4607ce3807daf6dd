package dev.paracite.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paracite.corpus.Paragraph;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The answer to one question, in the shape the CLI's --json and the HTTP API return. {@code answer} is
 * the text shown, made only of {@code statements} that passed the grounding check (or, when nothing is
 * answered, the sentence saying why); {@code notice} appears only when something about the answer needs
 * saying: a fallback model answered, the model stopped early, a named paragraph does not exist.
 */
public record Response(Outcome outcome, String answer, List<Statement> statements, List<Cited> citations,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Retrieved> retrieved,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<DroppedCitation> droppedCitations,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<DroppedStatement> droppedStatements,
                       String model, String document, Timings timings,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String notice) {

    public Response {
        statements = List.copyOf(statements);
        citations = List.copyOf(citations);
        retrieved = retrieved == null ? null : List.copyOf(retrieved);
        droppedCitations = droppedCitations == null ? null : List.copyOf(droppedCitations);
        droppedStatements = droppedStatements == null ? null : List.copyOf(droppedStatements);
    }

    /** The parts of a response a client may leave out: the retrieved list, and the dropped citations and statements. */
    public enum Part {
        RETRIEVED, DROPPED;

        public static final Set<Part> ALL = Collections.unmodifiableSet(EnumSet.allOf(Part.class));

        /** The name a request uses: "retrieved", "dropped". */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * This response as it is sent: with each paragraph's text once (a cited paragraph's in
     * {@code citations}, not again in {@code retrieved}) and without the parts not in {@code include}.
     */
    public Response sent(Set<Part> include) {
        List<Retrieved> shown = null;
        if (include.contains(Part.RETRIEVED)) {
            Set<String> cited = new HashSet<>();
            citations.forEach(c -> cited.add(c.document() + "\u0000" + c.paragraph()));
            shown = retrieved.stream().map(r -> cited.contains(r.document() + "\u0000" + r.paragraph())
                    ? new Retrieved(r.paragraph(), r.section(), r.score(), null, r.document(), r.version()) : r).toList();
        }
        boolean dropped = include.contains(Part.DROPPED);
        return new Response(outcome, answer, statements, citations, shown, dropped ? droppedCitations : null,
                dropped ? droppedStatements : null, model, document, timings, notice);
    }

    /**
     * One statement of the answer: its text as checked (without citation markers and list bullets),
     * where it stands in {@code answer} (markers included, characters {@code [start, end)}), and the
     * passages supporting it.
     */
    public record Statement(String text, int start, int end, List<SpanCitation> citations) {
        public Statement {
            citations = List.copyOf(citations);
        }
    }

    /**
     * A citation of characters {@code [start, end)} of a paragraph's text, the passage that supports its
     * statement. A library paragraph is named by its {@code document}, {@code version} and its label
     * there ({@code paragraph}), which pin the text cited; a single document's has neither.
     */
    public record SpanCitation(String paragraph, int start, int end,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String document,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer version) {

        public SpanCitation(String paragraph, int start, int end) {
            this(paragraph, start, end, null, null);
        }

        static SpanCitation of(Paragraph p, int start, int end) {
            Paragraph.Source s = p.source();
            return s == null ? new SpanCitation(p.label(), start, end) : new SpanCitation(s.label(), start, end,
                    s.document(), s.version());
        }
    }

    /** A paragraph the answer cites; a library paragraph with its document and version, as in {@link SpanCitation}. */
    public record Cited(String paragraph, String section, String text,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String document,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer version) {

        public Cited(String paragraph, String section, String text) {
            this(paragraph, section, text, null, null);
        }

        static Cited of(Paragraph p) {
            Paragraph.Source s = p.source();
            return s == null ? new Cited(p.label(), p.section(), p.text())
                    : new Cited(s.label(), p.section(), p.text(), s.document(), s.version());
        }
    }

    /**
     * A paragraph retrieval passed to the model, with its retrieval score (0 for a named paragraph
     * retrieval did not rank); as sent, without its text when the answer cites it.
     */
    public record Retrieved(String paragraph, String section, double score,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String text,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String document,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer version) {

        public Retrieved(String paragraph, String section, double score, String text) {
            this(paragraph, section, score, text, null, null);
        }

        static Retrieved of(Paragraph p, double score) {
            Paragraph.Source s = p.source();
            return s == null ? new Retrieved(p.label(), p.section(), score, p.text())
                    : new Retrieved(s.label(), p.section(), score, p.text(), s.document(), s.version());
        }
    }

    /** A citation removed from the answer, and why. */
    public record DroppedCitation(String paragraph, String reason) {}

    /**
     * A statement of the model's answer that was not shown: {@code uncited} (no citation, and no
     * neighbouring one supports it), {@code unsupported} (no cited paragraph supports it),
     * {@code cites_unprovided} (it cites only paragraphs that do not exist or were not retrieved), or
     * {@code unfinished} (the model stopped in the middle of it).
     */
    public record DroppedStatement(String text, String reason) {
        public static final String UNCITED = "uncited";
        public static final String UNSUPPORTED = "unsupported";
        public static final String CITES_UNPROVIDED = "cites_unprovided";
        public static final String UNFINISHED = "unfinished";
    }

    /** Milliseconds spent retrieving, in the model, and in all. */
    public record Timings(double retrievalMs, double modelMs, double totalMs) {}
}
