package dev.paracite.extractive;

import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.Terms;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Measures how much of a question's weight (BM25 idf of its content terms) a piece of text covers. */
final class Coverage {

    static final int MIN_PREFIX = 5;
    private static final Set<String> SUFFIXES = Set.of("ment", "ments", "ement", "e", "al", "ion", "ation", "ing",
            "ive", "ity", "ence", "ance", "i", "y", "ic", "ical");
    /** A compound's last part must be this long to count ("parliamentari" in "interparliamentari"). */
    static final int MIN_COMPOUND = 8;

    private final List<QueryTerm> question;
    private final Map<String, Double> weights = new HashMap<>();
    private final Set<String> pairs;
    private final double total;

    /** Words naming the document itself are left out of the measure unless nothing else is asked. */
    Coverage(Terms terms, List<QueryTerm> questionTerms) {
        List<QueryTerm> content = questionTerms.stream().filter(q -> !terms.namesDocument(q.term())).toList();
        questionTerms = content.isEmpty() ? questionTerms : content;
        this.question = List.copyOf(questionTerms);
        this.pairs = pairs(questionTerms.stream().map(QueryTerm::term).toList());
        // idf looks terms up in the index; a question has a handful, scored against every unit
        question.forEach(q -> weights.put(q.term(), terms.weight(q)));
        this.total = weight(questionTerms.stream().map(QueryTerm::term).collect(Collectors.toSet()));
    }

    boolean isEmpty() {
        return question.isEmpty();
    }

    Scored score(AnalyzedUnit analyzed, int rank, boolean cued) {
        Unit unit = analyzed.unit();
        List<String> ownTerms = analyzed.focusTerms();
        Set<String> own = covered(ownTerms);
        Set<String> all = covered(analyzed.allTerms());
        Set<String> phrases = pairs(ownTerms);
        phrases.retainAll(pairs);
        double phrase = pairs.isEmpty() ? 0 : phrases.size() / (double) pairs.size();
        return new Scored(unit, rank, all, share(all), share(own), phrase, cued);
    }

    double share(Set<String> covered) {
        return total == 0 ? 0 : weight(covered) / total;
    }

    /**
     * Question terms the text has, exactly or, for terms of {@link #MIN_PREFIX}+ letters, followed by a
     * derivational suffix that Porter leaves on: "settling" is "settl" but "settlement" stays whole. Other
     * continuations do not count ("minister" is "minist", "ministry" is "ministri").
     */
    private Set<String> covered(List<String> text) {
        Set<String> found = new HashSet<>();
        for (QueryTerm q : question) {
            if (q.forms().stream().anyMatch(form -> text.stream().anyMatch(t -> matches(form, t)))) {
                found.add(q.term());
            }
        }
        return found;
    }

    /**
     * The same word, one of its derivations (either way round: Porter leaves "economy" as "economi" but
     * "economic" as "econom"), or a compound ending in it ("interparliamentary" for "parliamentary").
     */
    private static boolean matches(String form, String term) {
        return term.equals(form) || derived(form, term) || derived(term, form)
                || form.length() >= MIN_COMPOUND && term.length() > form.length() + 2 && term.endsWith(form);
    }

    private static boolean derived(String stem, String word) {
        return stem.length() >= MIN_PREFIX && word.startsWith(stem) && SUFFIXES.contains(word.substring(stem.length()));
    }

    /** Adjacent term pairs, so "development of the CIS" matches a unit saying just that more than one saying "CIS ... developing". */
    private static Set<String> pairs(List<String> terms) {
        Set<String> out = new HashSet<>();
        for (int i = 1; i < terms.size(); i++) {
            out.add(terms.get(i - 1) + " " + terms.get(i));
        }
        return out;
    }

    private double weight(Set<String> covered) {
        return question.stream().filter(q -> covered.contains(q.term())).mapToDouble(q -> weights.get(q.term())).sum();
    }
}
