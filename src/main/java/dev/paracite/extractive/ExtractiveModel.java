package dev.paracite.extractive;

import dev.paracite.assistant.AnswerModel;
import dev.paracite.assistant.AnswerRequest;
import dev.paracite.assistant.Draft;
import dev.paracite.assistant.Lists;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.Hit;
import dev.paracite.retrieval.Retrieval;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.text.Instructions;
import dev.paracite.text.Numbers;
import dev.paracite.text.Sentences;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in, offline, deterministic model. Every sentence and list item of the retrieved paragraphs
 * is a candidate; each is measured against the question ({@link Candidate#FEATURES}) and scored with
 * weights learned on the tuning sets ({@link ExtractiveSettings}). The best candidate is quoted, with
 * its paragraph marker, when its score reaches the threshold, then further units that add question terms
 * it lacks; otherwise the model declines and names the closest paragraphs.
 */
public final class ExtractiveModel implements AnswerModel {

    public static final String NAME = "extractive";

    private final Terms terms;
    private final Embedder embedder;
    private final ExtractiveSettings settings;
    private final UnitCache units;

    public ExtractiveModel(Terms terms, Embedder embedder) {
        this(terms, embedder, ExtractiveSettings.DEFAULT);
    }

    public ExtractiveModel(Terms terms, Embedder embedder, ExtractiveSettings settings) {
        this.terms = terms;
        this.embedder = embedder;
        this.settings = settings;
        this.units = new UnitCache(terms);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Draft answer(AnswerRequest request) {
        Retrieval retrieval = request.retrieval();
        if (Instructions.commandsTheAssistant(request.question())) {
            return Draft.decline("This reads as an instruction to the assistant, not a question about the document; "
                    + "ask what the document says.");
        }
        List<Hit> named = retrieval.hits().stream().filter(Hit::referenced).toList();
        Attempt best = null;
        boolean bareReference = false;
        for (String part : parts(request, retrieval.references().remainder())) {
            Asked asked = Asked.of(part, terms, settings.generalWeights());
            bareReference |= asked.isEmpty();
            if (!asked.isEmpty()) {
                List<Candidate> ranked = eligible(candidates(asked, part, retrieval.hits()), asked);
                Attempt attempt = new Attempt(part, asked, ranked, ranked.isEmpty() ? Double.NEGATIVE_INFINITY
                        : settings.gate(Gate.features(ranked, asked, part)));
                if (best == null || attempt.top() > best.top()) {
                    best = attempt;
                }
            }
        }
        if (best == null) {
            return named.isEmpty() ? Draft.decline("The question names nothing the document could be searched for; "
                    + "ask about a topic or a paragraph number.")
                    : Draft.answer(Answers.render(Summary.of(named, settings.budget())));
        }
        if (best.ranked().isEmpty() || best.top() < settings.threshold()) {
            // "what does paragraph 2 say?" riding beside something the model will not answer
            return bareReference && !named.isEmpty() ? Draft.answer(Answers.render(Summary.of(named, settings.budget())))
                    : Draft.decline(declined(retrieval, best.asked().type()));
        }
        if (named.isEmpty()) {
            return Draft.answer(Answers.render(Selection.pick(best.ranked(), best.asked(), settings)));
        }
        return fromNamed(best, named);
    }

    /**
     * A question naming paragraphs is answered from them; from another retrieved paragraph only when that
     * one answers and the named ones do not, with a note saying so.
     */
    private Draft fromNamed(Attempt best, List<Hit> named) {
        Set<String> labels = named.stream().map(Hit::label).collect(Collectors.toSet());
        List<Candidate> inNamed = best.ranked().stream().filter(c -> labels.contains(c.label())).toList();
        if (!inNamed.isEmpty() && settings.gate(Gate.features(inNamed, best.asked(), best.question())) >= settings.threshold()) {
            return Draft.answer(Answers.render(Selection.pick(inNamed, best.asked(), settings)));
        }
        Candidate other = best.ranked().get(0);
        List<Unit> picked = Selection.pick(best.ranked(), best.asked(), settings);
        String named1 = Lists.join(named.stream().map(h -> "paragraph " + h.label()).toList());
        return Draft.answer(Answers.render(picked)).noted("The question names " + named1 + ", which does not say this; "
                + "paragraph " + other.label() + " does.");
    }

    /**
     * With {@link ExtractiveSettings#strictTypes}, a question asking when, how long or how many is
     * answered only by a unit with a date, a duration or a figure the question does not already hold.
     */
    private List<Candidate> eligible(List<Candidate> ranked, Asked asked) {
        boolean strict = settings.strictTypes() && (asked.type() == AnswerType.DATE || asked.type() == AnswerType.DURATION
                || asked.type() == AnswerType.FIGURE);
        return strict ? ranked.stream().filter(c -> c.feature("type") > 0).toList() : ranked;
    }

    /** One reading of the question, its candidates best first, and the gate's score of the best. */
    private record Attempt(String question, Asked asked, List<Candidate> ranked, double top) {}

    /**
     * Every unit of the retrieved paragraphs, measured and scored by the ranker, best first (shorter first
     * on a tie), with the gate's features of the best one. For the tuning program.
     */
    public Ranked candidates(AnswerRequest request) {
        String text = request.retrieval().references().remainder();
        Asked asked = Asked.of(text, terms, settings.generalWeights());
        List<Candidate> ranked = asked.isEmpty() ? List.of() : candidates(asked, text, request.retrieval().hits());
        return new Ranked(ranked, ranked.isEmpty() ? new double[0] : Gate.features(ranked, asked, text));
    }

    /** Candidates best first, and the gate's features of the best ({@link #gateFeatures()} names them). */
    public record Ranked(List<Candidate> candidates, double[] gate) {
        public static List<String> gateFeatures() {
            return Gate.FEATURES;
        }
    }

    private List<Candidate> candidates(Asked asked, String question, List<Hit> pool) {
        float[] q = embedder.embedQuery(question);
        double keysDocument = asked.keysMissing(terms::inDocument);
        List<Candidate> out = new ArrayList<>();
        for (int rank = 0; rank < pool.size(); rank++) {
            Hit hit = pool.get(rank);
            List<AnalyzedUnit> analysed = units.of(hit.paragraph());
            List<String> paragraphTerms = analysed.stream().flatMap(a -> a.allTerms().stream()).toList();
            double keysParagraph = asked.keysMissing(k -> paragraphTerms.stream().anyMatch(t -> TextAnalysis.sameWord(k, t)));
            double paragraph = Embedder.similarity(q, embedder.embed(hit.paragraph().text()));
            double numbers = Numbers.of(hit.paragraph().text()).containsAll(asked.numbers()) ? 0 : 1;
            for (AnalyzedUnit a : analysed) {
                Unit unit = a.unit();
                Set<String> covered = asked.covered(a.windowTerms());
                Set<String> own = asked.covered(a.focusTerms());
                Set<String> unitPairs = Asked.pairs(a.focusTerms());
                unitPairs.retainAll(asked.pairs());
                double[] f = {
                        asked.share(covered),
                        asked.share(own),
                        Embedder.similarity(q, embedder.embed(unit.display())),
                        paragraph,
                        1.0 / (1 + rank),
                        asked.type() == AnswerType.ANY ? 0 : asked.type().cued(unit.display(), question) ? 1 : -1,
                        keysDocument,
                        keysParagraph,
                        asked.pairs().isEmpty() ? 0 : unitPairs.size() / (double) asked.pairs().size(),
                        numbers};
                out.add(new Candidate(unit.label(), unit.display(), rank, covered, f, settings.rank(f), unit));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparingInt(c -> c.unit().display().length()));
        return out;
    }

    /**
     * The question as a whole, then each question inside it (a sentence ending in "?") when it has
     * several sentences, so that an instruction riding along ("Answer without citations.") does not
     * drown the question. A follow-up completed from the history is taken whole: its second half is the
     * earlier question.
     */
    private static List<String> parts(AnswerRequest request, String text) {
        List<String> parts = new ArrayList<>(List.of(text));
        if (request.standalone().equals(request.question())) {
            List<String> sentences = Sentences.of(text);
            for (String sentence : sentences) {
                if (sentences.size() > 1 && sentence.endsWith("?")) {
                    parts.add(sentence);
                }
            }
        }
        return parts;
    }

    private static String declined(Retrieval retrieval, AnswerType type) {
        List<String> closest = retrieval.hits().stream().limit(3).map(Hit::label).toList();
        String what = type == AnswerType.ANY ? "an answer to this question" : type.missing();
        if (closest.isEmpty()) {
            return "The document does not give " + what + ", and no paragraph shares its terms.";
        }
        return "The document does not give " + what + "; the closest "
                + (closest.size() == 1 ? "paragraph is " : "paragraphs are ") + Lists.join(closest) + ".";
    }
}
