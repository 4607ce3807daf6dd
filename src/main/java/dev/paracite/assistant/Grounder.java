package dev.paracite.assistant;

import dev.paracite.assistant.Response.DroppedCitation;
import dev.paracite.assistant.Response.DroppedStatement;
import dev.paracite.assistant.Response.SpanCitation;
import dev.paracite.assistant.Response.Statement;
import dev.paracite.corpus.Paragraph;
import dev.paracite.grounding.Context;
import dev.paracite.grounding.Evidence;
import dev.paracite.grounding.Support;
import dev.paracite.text.Sentences;
import dev.paracite.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Checks a model's answer statement by statement as it arrives, and passes on only what passed. A
 * statement is complete once the next one has begun (or the answer has ended); it is kept when it
 * cites a paragraph provided for this question and one of its cited paragraphs supports it
 * ({@link Support}). A statement without any citation between two others stands only if a paragraph
 * cited by the statement just before or just after it supports it (models often cite once for two
 * sentences); it waits for the next statement to decide. What is dropped is reported with its reason.
 */
final class Grounder {

    static final String NOT_SUPPORTING = "the paragraph does not support the statement";
    static final String UNKNOWN = "the document has no such paragraph";
    static final String NOT_PROVIDED = "the paragraph was not retrieved for this question";
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,3}[.)]|\\(?[a-zA-Z][.)])\\s+");
    private static final Pattern FINISHED = Pattern.compile("(?s).*(?:[.!?;:][)”’\"'»]*|])\\s*$");

    /** One statement of the model's answer on its way through the check. */
    private static final class Item {
        final String raw;
        final String separator;
        final List<String> valid;
        final boolean marked;
        final String claim;
        List<Evidence> evidence = List.of();
        String dropped;
        boolean decided;

        Item(String raw, String separator, List<String> valid, boolean marked, String claim) {
            this.raw = raw;
            this.separator = separator;
            this.valid = valid;
            this.marked = marked;
            this.claim = claim;
        }
    }

    private final Map<String, Paragraph> provided;
    private final Set<String> existing;
    private final Support support;
    private final Context context;
    private final BiConsumer<String, Statement> out;

    private final StringBuilder buffer = new StringBuilder();
    private int done;
    private int previousEnd = -1;
    private final List<Item> waiting = new ArrayList<>();
    private Item previous;
    private final StringBuilder answer = new StringBuilder();
    private final List<Statement> statements = new ArrayList<>();
    private final List<DroppedStatement> droppedStatements = new ArrayList<>();
    private final List<DroppedCitation> droppedCitations = new ArrayList<>();
    private final Set<String> cited = new LinkedHashSet<>();

    /**
     * @param provided the paragraphs retrieved or named for this question, by label
     * @param existing every label the document has
     * @param out      receives each kept statement as it is decided: the text it adds, and the statement
     */
    Grounder(Map<String, Paragraph> provided, Set<String> existing, Support support, Context context,
             BiConsumer<String, Statement> out) {
        this.provided = provided;
        this.existing = existing;
        this.support = support;
        this.context = context;
        this.out = out;
    }

    /** More of the answer. */
    void accept(String piece) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        buffer.append(piece);
        List<Span> spans = Sentences.split(buffer.substring(done));
        // a trailing "[" may be a marker that still belongs to the statement before it
        int complete = spans.size() - (spans.isEmpty() ? 0 : mayBeMarker(spans.get(spans.size() - 1)) ? 2 : 1);
        int base = done;
        for (int i = 0; i < complete; i++) {
            process(new Span(base + spans.get(i).start(), base + spans.get(i).end()));
        }
        if (complete > 0) {
            done = base + spans.get(complete - 1).end();
        }
    }

    private boolean mayBeMarker(Span span) {
        return buffer.charAt(done + span.start()) == '[';
    }

    /** The answer has ended; when it was cut short ({@code complete} false), its unfinished last statement is dropped. */
    void finish(boolean complete) {
        List<Span> spans = Sentences.split(buffer.substring(done));
        int base = done;
        for (int i = 0; i < spans.size(); i++) {
            Span span = new Span(base + spans.get(i).start(), base + spans.get(i).end());
            boolean lastOne = i == spans.size() - 1;
            if (lastOne && !complete && !FINISHED.matcher(span.of(buffer)).matches()) {
                resolve(true);
                droppedStatements.add(new DroppedStatement(span.of(buffer).strip(), DroppedStatement.UNFINISHED));
            } else {
                process(span);
            }
        }
        done = buffer.length();
        resolve(true);
    }

    /** Whether any statement has been passed on. */
    boolean emitted() {
        return !statements.isEmpty();
    }

    String answer() {
        return answer.toString();
    }

    List<Statement> statements() {
        return statements;
    }

    List<DroppedStatement> droppedStatements() {
        return droppedStatements;
    }

    List<DroppedCitation> droppedCitations() {
        return droppedCitations;
    }

    /** Labels of kept citations, in order of first citation. */
    Set<String> cited() {
        return cited;
    }

    private void process(Span span) {
        String raw = span.of(buffer);
        String separator = previousEnd < 0 ? "" : buffer.substring(previousEnd, span.start());
        previousEnd = span.end();
        List<String> valid = new ArrayList<>();
        boolean marked = false;
        for (CitationMarker marker : CitationMarker.find(raw)) {
            marked = true;
            for (String label : marker.labels()) {
                if (provided.containsKey(label)) {
                    if (!valid.contains(label)) {
                        valid.add(label);
                    }
                } else {
                    droppedCitations.add(new DroppedCitation(label, existing.contains(label) ? NOT_PROVIDED : UNKNOWN));
                }
            }
        }
        String claim = BULLET.matcher(CitationMarker.rewrite(raw, label -> false)).replaceFirst("").strip();
        Item item = new Item(raw, separator, valid, marked, claim);
        if (!valid.isEmpty()) {
            item.evidence = supporting(claim, valid);
            item.dropped = item.evidence.isEmpty() ? DroppedStatement.UNSUPPORTED : null;
            item.decided = true;
        } else if (marked) {
            item.dropped = DroppedStatement.CITES_UNPROVIDED;
            item.decided = true;
        }
        waiting.add(item);
        resolve(false);
    }

    /**
     * Decides each waiting uncited statement whose successor has arrived (or every one, at the {@code end}),
     * then passes on, in order, every decided statement at the head of the queue.
     */
    private void resolve(boolean end) {
        for (int i = 0; i < waiting.size(); i++) {
            Item item = waiting.get(i);
            Item after = i + 1 < waiting.size() ? waiting.get(i + 1) : null;
            if (item.decided || after == null && !end) {
                continue;
            }
            Item before = i > 0 ? waiting.get(i - 1) : previous;
            List<String> labels = new ArrayList<>();
            for (Item neighbour : new Item[] {before, after}) {
                if (neighbour != null) {
                    neighbour.valid.stream().filter(l -> !labels.contains(l)).forEach(labels::add);
                }
            }
            item.evidence = labels.isEmpty() ? List.of() : supporting(item.claim, labels);
            item.dropped = item.evidence.isEmpty() ? DroppedStatement.UNCITED : null;
            item.decided = true;
        }
        while (!waiting.isEmpty() && waiting.get(0).decided) {
            Item item = waiting.remove(0);
            if (item.dropped != null) {
                droppedStatements.add(new DroppedStatement(item.claim.isEmpty() ? item.raw.strip() : item.claim, item.dropped));
            } else {
                emit(item);
            }
            previous = item;
        }
    }

    private List<Evidence> supporting(String claim, List<String> labels) {
        List<Evidence> found = new ArrayList<>();
        for (String label : labels) {
            support.check(claim, provided.get(label), context).ifPresent(found::add);
        }
        return found;
    }

    private void emit(Item item) {
        Set<String> supporting = new LinkedHashSet<>();
        item.evidence.forEach(e -> supporting.add(e.paragraph()));
        for (String label : item.valid) {
            if (!supporting.contains(label)) {
                droppedCitations.add(new DroppedCitation(label, NOT_SUPPORTING));
            }
        }
        String shown = CitationMarker.rewrite(item.raw, supporting::contains).strip();
        String separator = answer.length() == 0 ? "" : item.separator.isEmpty() ? " " : item.separator;
        int start = answer.length() + separator.length();
        answer.append(separator).append(shown);
        List<SpanCitation> citations = item.evidence.stream()
                .map(e -> provided.containsKey(e.paragraph()) ? SpanCitation.of(provided.get(e.paragraph()), e.start(), e.end())
                        : new SpanCitation(e.paragraph(), e.start(), e.end())).toList();
        Statement statement = new Statement(item.claim, start, answer.length(), citations);
        statements.add(statement);
        cited.addAll(supporting);
        out.accept(separator + shown, statement);
    }
}
