package dev.paracite.extractive;

import dev.paracite.retrieval.QueryTerm;
import dev.paracite.retrieval.Terms;
import dev.paracite.retrieval.TextAnalysis;
import dev.paracite.text.English;
import dev.paracite.text.Names;
import dev.paracite.text.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A question taken apart for answering: its content terms and what each weighs, its key terms (names,
 * numbers and words rare in general English) and the kind of fact it asks for. A term the document
 * uses weighs its idf in the document; a term the document never uses weighs its rarity in general
 * English scaled to the document's largest idf, so that "far" or "much" counts little and "Moon" a lot.
 *
 * @param numbers the numbers the question states, which a key fact must repeat
 */
record Asked(List<QueryTerm> terms, Map<String, Double> weights, double total, Set<String> keys,
             Set<String> numbers, Set<String> pairs, AnswerType type) {

    /** General-English idf from which a word is rare enough to be a key term of the question. */
    static final double RARE = 6.0;

    static Asked of(String question, Terms index, boolean general) {
        List<QueryTerm> all = index.ofQuestion(question);
        List<QueryTerm> content = all.stream().filter(q -> !index.namesDocument(q.term())).toList();
        List<QueryTerm> terms = content.isEmpty() ? all : content;
        double max = index.idf("\u0000none\u0000");
        Map<String, Double> weights = new HashMap<>();
        double total = 0;
        for (QueryTerm q : terms) {
            double w = general ? English.get().termIdf(q.term()) / English.get().maxIdf() * max
                    : index.inDocument(q.term()) ? index.idf(q.term())
                    : q.alternatives().isEmpty() ? English.get().termIdf(q.term()) / English.get().maxIdf() * max
                    : index.weight(q);
            weights.put(q.term(), w);
            total += w;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String name : Names.in(question)) {
            TextAnalysis.terms(name).forEach(keys::add);
        }
        for (QueryTerm q : terms) {
            if (English.get().termIdf(q.term()) >= RARE) {
                keys.add(q.term());
            }
        }
        keys.retainAll(weights.keySet());
        return new Asked(List.copyOf(terms), weights, total, keys, Numbers.of(question),
                pairs(terms.stream().map(QueryTerm::term).toList()), AnswerType.of(question));
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Adjacent term pairs: "development of the CIS" is closer to a text saying just that than to one with both apart. */
    static Set<String> pairs(List<String> terms) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 1; i < terms.size(); i++) {
            out.add(terms.get(i - 1) + " " + terms.get(i));
        }
        return out;
    }

    /** Share of the question's weight among {@code covered} terms. */
    double share(Set<String> covered) {
        if (total == 0) {
            return 0;
        }
        double w = 0;
        for (String t : covered) {
            w += weights.getOrDefault(t, 0.0);
        }
        return w / total;
    }

    /** Share of the key terms' weight that {@code has} lacks (0 without key terms). */
    double keysMissing(java.util.function.Predicate<String> has) {
        double all = 0;
        double missing = 0;
        for (String k : keys) {
            double w = weights.get(k);
            all += w;
            missing += has.test(k) ? 0 : w;
        }
        return all == 0 ? 0 : missing / all;
    }

    /** The question terms {@code text} holds, by {@link QueryTerm#forms} matched as {@link TextAnalysis#sameWord}. */
    Set<String> covered(List<String> text) {
        Set<String> found = new LinkedHashSet<>();
        for (QueryTerm q : terms) {
            if (q.forms().stream().anyMatch(f -> text.stream().anyMatch(t -> TextAnalysis.sameWord(f, t)))) {
                found.add(q.term());
            }
        }
        return found;
    }

    List<String> termList() {
        List<String> out = new ArrayList<>();
        terms.forEach(q -> out.add(q.term()));
        return out;
    }
}
