package dev.paracite.grounding;

import dev.paracite.corpus.Paragraph;
import dev.paracite.embedding.Embedder;
import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.grounding.Reading.Passage;
import dev.paracite.text.English;
import dev.paracite.text.Memo;
import dev.paracite.text.Quantifiers;
import dev.paracite.text.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one check of whether a paragraph supports a statement, used on every answer before it is shown
 * and by the evaluation. Deterministic: the passage of the paragraph closest to the statement (one
 * sentence, two adjacent ones, or a list's lead-in with its items) must hold enough of its content
 * words, weighted by how rare they are in general English, or fewer of them with the embedding model
 * finding the two close in meaning; and no {@link Rule} may object (a number, name, negation or
 * "always" the passage does not have, or roles swapped).
 */
public final class Support {

    /** Statements and paragraphs kept analysed: a document's sentences and paragraphs recur question after question. */
    private static final int REMEMBERED = 10_000;

    private final Embedder embedder;
    private final SupportSettings settings;
    private final Memo<String, Claim> claims = new Memo<>(REMEMBERED, Claim::of);
    private final Memo<String, Reading> readings = new Memo<>(REMEMBERED, Reading::of);

    public Support(Embedder embedder, SupportSettings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    /** The passage of {@code paragraph} that supports {@code statement}, or empty when none does. */
    public Optional<Evidence> check(String statement, Paragraph paragraph, Context context) {
        return verdict(statement, paragraph, context).evidence();
    }

    public Verdict verdict(String statement, Paragraph paragraph, Context context) {
        return decide(features(statement, paragraph, context, false), settings);
    }

    /** The measurements a verdict is made from; {@code allSemantic} computes the embedding similarity even when words decide. */
    public Features features(String statement, Paragraph paragraph, Context context, boolean allSemantic) {
        String label = paragraph.label();
        String paragraphText = paragraph.text();
        Claim claim = claims.get(statement);
        if (claim.terms().isEmpty() && claim.numbers().isEmpty()) {
            return Features.empty(label, "states nothing to check");
        }
        Reading reading = readings.get(paragraphText);
        Scored scored = best(claim, reading);
        if (scored == null) {
            return Features.empty(label, "the paragraph is empty");
        }
        Passage best = scored.passage();
        double lexical = scored.lexical();
        EnumSet<Rule> violated = EnumSet.noneOf(Rule.class);
        String reason = "";
        for (String n : claim.numbers()) {
            if (!best.numbers().contains(n)) {
                violated.add(Rule.NUMBERS);
                reason = reason.isEmpty() ? "the passage does not state " + n : reason;
            }
        }
        List<String> paragraphWords = reading.words();
        List<String> known = new ArrayList<>(Reading.words(paragraph.section()));
        known.addAll(context.names());
        for (String name : claim.names()) {
            if (!mentions(paragraphWords, name) && !mentions(known, name)) {
                violated.add(Rule.NAMES);
                reason = reason.isEmpty() ? "the paragraph does not mention " + name : reason;
            }
        }
        String denial = denial(claim, best);
        if (denial != null) {
            violated.add(Rule.NEGATION);
            reason = reason.isEmpty() ? denial : reason;
        }
        for (String q : claim.quantifiers()) {
            if (!Quantifiers.said(paragraphWords, q)) {
                violated.add(Rule.QUANTIFIERS);
                reason = reason.isEmpty() ? "the passage does not say \"" + q + "\"" : reason;
            }
        }
        String swapped = lexical >= NEAR_COPY ? swapped(claim, best) : null;
        if (swapped != null) {
            violated.add(Rule.SWAP);
            reason = reason.isEmpty() ? "the passage does not say \"" + swapped + "\"" : reason;
        }
        if (inverted(claim, best)) {
            violated.add(Rule.ORDER);
            reason = reason.isEmpty() ? "the passage has them the other way round" : reason;
        }
        boolean plain = best.text().equals(best.span().of(paragraphText));
        Span narrow = plain ? narrow(claim, best) : best.span();
        Span shown = plain ? widen(narrow, best.span(), paragraphText) : narrow;
        boolean wordsDecide = lexical >= settings.lexical() || lexical < settings.floor();
        double semantic = wordsDecide && !allSemantic ? Double.NaN
                : Embedder.similarity(embedder.embed(statement), embedder.embed(shown.of(paragraphText)));
        return new Features(label, shown, lexical, semantic, violated, reason);
    }

    /**
     * The shortest run of the passage's words that holds every claim word and number the passage holds:
     * the part the citation points at, and what the statement's meaning is compared with, so that a
     * short statement is not measured against a long sentence.
     */
    private static Span narrow(Claim claim, Passage passage) {
        List<Span> words = passage.wordSpans();
        List<String> units = passage.units();
        Set<String> wantedSet = new LinkedHashSet<>(claim.terms().stream()
                .filter(t -> passage.terms().stream().anyMatch(p -> TextAnalysis.sameWord(t, p))).toList());
        claim.numbers().stream().filter(passage.numbers()::contains).forEach(n -> wantedSet.add("#" + n));
        List<String> wanted = List.copyOf(wantedSet);
        if (wanted.isEmpty()) {
            return passage.span();
        }
        // which wanted items each word stands for, compared once
        int[][] hits = new int[words.size()][];
        for (int j = 0; j < words.size(); j++) {
            String unit = units.get(j);
            hits[j] = java.util.stream.IntStream.range(0, wanted.size()).filter(w -> wanted.get(w).startsWith("#")
                    ? wanted.get(w).equals(unit) : !unit.isEmpty() && TextAnalysis.sameWord(wanted.get(w), unit)).toArray();
        }
        // the shortest run of words holding every wanted item: for each last word, the latest first word
        // that still covers them all (a sliding window); on equal length the earlier one
        int[] counts = new int[wanted.size()];
        int covered = 0;
        Span best = passage.span();
        for (int left = 0, right = 0; right < words.size(); right++) {
            for (int w : hits[right]) {
                if (counts[w]++ == 0) {
                    covered++;
                }
            }
            while (covered == wanted.size()) {
                Span window = new Span(words.get(left).start(), words.get(right).end());
                if (window.length() < best.length() || window.length() == best.length() && window.start() < best.start()) {
                    best = window;
                }
                for (int w : hits[left]) {
                    if (--counts[w] == 0) {
                        covered--;
                    }
                }
                left++;
            }
        }
        return best;
    }

    /**
     * The clauses of {@code passage} (cut at commas, semicolons and colons) that {@code words} touch: what
     * a reader is shown, so that a highlight starts and ends where a phrase does.
     */
    private static Span widen(Span words, Span passage, String paragraphText) {
        int start = words.start();
        while (start > passage.start() && !clauseEnd(paragraphText, start - 1)) {
            start--;
        }
        int end = words.end();
        while (end < passage.end() && !clauseEnd(paragraphText, end - 1)) {
            end++;
        }
        while (start < end && Character.isWhitespace(paragraphText.charAt(start))) {
            start++;
        }
        return new Span(start, end);
    }

    private static boolean clauseEnd(String text, int at) {
        char c = text.charAt(at);
        return (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?')
                && (at + 1 >= text.length() || Character.isWhitespace(text.charAt(at + 1)));
    }

    /**
     * A statement that copies its passage nearly word for word (this share of its weight or more) and
     * still differs from it is suspect where it differs.
     */
    static final double NEAR_COPY = 0.8;

    /**
     * In a near copy, an ending of the statement's own where its passage goes on with other words ("...
     * in the sale of raw materials" for "... in the sale of finished products"): the statement's words, or
     * null. The content words of both are aligned (longest common subsequence of
     * {@link TextAnalysis#sameWord} matches); what follows the last shared word is compared. Endings only:
     * in the middle of a statement a different word is as often a paraphrase's verb as a changed fact
     * (measured in eval/README.md).
     */
    private static String swapped(Claim claim, Passage passage) {
        List<String[]> a = claim.tokens();
        List<String[]> b = passage.tokens();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int lastA = -1;
        int lastB = -1;
        while (i < a.size() && j < b.size()) {
            if (same(a.get(i), b.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                lastA = i++;
                lastB = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        if (lastA < 0) {
            return null;
        }
        List<String[]> endA = a.subList(lastA + 1, a.size());
        List<String[]> endB = b.subList(lastB + 1, Math.min(b.size(), lastB + 1 + endA.size() + 2));
        return swap(endA, endB, a, b);
    }

    /** The statement's run when both runs hold words the other text lacks entirely, enough of them to weigh. */
    private static String swap(List<String[]> gapA, List<String[]> gapB, List<String[]> a, List<String[]> b) {
        List<String[]> onlyA = gapA.stream().filter(x -> b.stream().noneMatch(y -> same(x, y))).toList();
        List<String[]> onlyB = gapB.stream().filter(y -> a.stream().noneMatch(x -> same(x, y))).toList();
        return weight(onlyA) >= MIN_SWAP && weight(onlyB) >= MIN_SWAP
                ? String.join(" ", onlyA.stream().map(t -> t[0]).toList()) : null;
    }

    /** How much a run of words must weigh (general-English idf) to be a swapped phrase, not a slip of style. */
    private static final double MIN_SWAP = 4.0;

    private static double weight(List<String[]> tokens) {
        return tokens.stream().filter(t -> !t[1].startsWith("#")).mapToDouble(t -> English.get().termIdf(t[1])).sum();
    }

    private static boolean same(String[] x, String[] y) {
        return x[1].startsWith("#") ? x[1].equals(y[1]) : !y[1].startsWith("#") && TextAnalysis.sameWord(x[1], y[1]);
    }

    /** The verdict {@code settings} give on {@code f}. */
    public static Verdict decide(Features f, SupportSettings settings) {
        if (f.span() == null) {
            return Verdict.no(f.reason());
        }
        for (Rule rule : f.violated()) {
            if (settings.rules().contains(rule)) {
                return Verdict.no(f.reason());
            }
        }
        boolean supported = f.lexical() >= settings.lexical()
                || f.lexical() >= settings.floor() && !Double.isNaN(f.semantic()) && f.semantic() >= settings.semantic();
        Evidence evidence = new Evidence(f.paragraph(), f.span().start(), f.span().end(), f.lexical(), f.semantic());
        return supported ? Verdict.yes(evidence) : Verdict.no(String.format(Locale.ROOT,
                "too little in common (words %.2f, meaning %.2f)", f.lexical(), f.semantic()));
    }

    /**
     * The shortest passage holding nearly as much of the claim's weight as any: one sentence when one
     * suffices, the whole paragraph only for a statement that sums it up.
     */
    private static Scored best(Claim claim, Reading reading) {
        double[] lexical = new double[reading.passages().size()];
        double most = 0;
        for (int i = 0; i < lexical.length; i++) {
            Passage p = reading.passages().get(i);
            lexical[i] = coverage(claim, p.terms(), p.numbers());
            most = Math.max(most, lexical[i]);
        }
        Scored best = null;
        for (int i = 0; i < lexical.length; i++) {
            Passage p = reading.passages().get(i);
            if (lexical[i] >= most - MARGIN && (best == null || p.text().length() < best.passage().text().length())) {
                best = new Scored(p, lexical[i]);
            }
        }
        return best;
    }

    /** A passage with the share of the claim's weight it holds. */
    private record Scored(Passage passage, double lexical) {}

    /** How much less of the claim a shorter passage may hold and still be preferred to a longer one. */
    private static final double MARGIN = 0.05;

    /**
     * Where the claim and the passage disagree on what is denied: a term one of them denies that the
     * other states without denying it; null when they agree.
     */
    private static String denial(Claim claim, Passage passage) {
        Set<String> passageDenies = passage.negated();
        for (String term : claim.negated()) {
            boolean stated = passage.terms().stream().anyMatch(t -> TextAnalysis.sameWord(term, t));
            if (stated && passageDenies.stream().noneMatch(t -> TextAnalysis.sameWord(term, t))) {
                return "the passage does not deny " + term;
            }
        }
        for (String term : passageDenies) {
            boolean stated = claim.terms().stream().anyMatch(t -> TextAnalysis.sameWord(term, t));
            if (stated && claim.negated().stream().noneMatch(t -> TextAnalysis.sameWord(term, t))) {
                return "the passage denies " + term;
            }
        }
        return null;
    }

    /**
     * Whether the names and rare words the claim shares with the passage mostly come in the opposite
     * order, with both in the same voice ("X conquered Y" for "Y conquered X"); a passive on one side
     * only ("Y was conquered by X") reverses the order legitimately.
     */
    private static boolean inverted(Claim claim, Passage passage) {
        String lowerClaim = claim.text().toLowerCase(Locale.ROOT);
        String lowerPassage = passage.lower();
        List<int[]> positions = new ArrayList<>();
        for (String key : claim.keys()) {
            int inClaim = lowerClaim.indexOf(key);
            int inPassage = lowerPassage.indexOf(key);
            boolean once = inClaim >= 0 && lowerClaim.indexOf(key, inClaim + 1) < 0
                    && inPassage >= 0 && lowerPassage.indexOf(key, inPassage + 1) < 0;
            if (once) {
                positions.add(new int[] {inClaim, inPassage});
            }
        }
        int same = 0;
        int opposite = 0;
        for (int i = 0; i < positions.size(); i++) {
            for (int j = i + 1; j < positions.size(); j++) {
                int a = Integer.compare(positions.get(i)[0], positions.get(j)[0]);
                int b = Integer.compare(positions.get(i)[1], positions.get(j)[1]);
                if (a != 0 && b != 0) {
                    if (a == b) {
                        same++;
                    } else {
                        opposite++;
                    }
                }
            }
        }
        boolean sameVoice = claim.passive() == passage.passive();
        return opposite > same && sameVoice;
    }

    /**
     * Share of the claim's weight found in the passage: each content term weighs its general-English
     * rarity, each number as much as the rarest word.
     */
    static double coverage(Claim claim, List<String> passageTerms, Set<String> passageNumbers) {
        double total = 0;
        double found = 0;
        for (String term : claim.terms()) {
            double w = English.get().termIdf(term);
            total += w;
            if (passageTerms.stream().anyMatch(t -> TextAnalysis.sameWord(term, t))) {
                found += w;
            }
        }
        for (String n : claim.numbers()) {
            total += English.get().maxIdf();
            found += passageNumbers.contains(n) ? English.get().maxIdf() : 0;
        }
        return total == 0 ? 0 : found / total;
    }

    /** A name is mentioned when a word of the paragraph is it, or differs only in its ending ("Russia", "Russian"). */
    static boolean mentions(List<String> paragraphWords, String name) {
        for (String part : Reading.NON_WORD.split(name.toLowerCase(Locale.ROOT))) {
            if (!part.isEmpty() && !mentionsWord(paragraphWords, part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mentionsWord(List<String> paragraphWords, String n) {
        int needed = Math.max(Math.min(5, n.length()), n.length() - 2);
        for (String w : paragraphWords) {
            int common = 0;
            while (common < Math.min(w.length(), n.length()) && w.charAt(common) == n.charAt(common)) {
                common++;
            }
            if (w.equals(n) || common >= needed && Math.abs(w.length() - n.length()) <= 3) {
                return true;
            }
        }
        return false;
    }

}
