package dev.paracite.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What got better and worse between two reports, metric by metric and question by question. */
public final class Compare {

    private Compare() {}

    public static String of(Report before, Report after) {
        StringBuilder out = new StringBuilder("Comparing " + before.set() + " (" + before.model() + ", "
                + before.createdAt() + ") with " + after.set() + " (" + after.model() + ", " + after.createdAt() + ")\n\n");
        for (Metric m : Metric.ALL) {
            Number a = m.value().apply(before.overall());
            Number b = m.value().apply(after.overall());
            if (a != null && b != null && Math.abs(a.doubleValue() - b.doubleValue()) > 1e-9) {
                out.append(String.format("  %-24s %s -> %s%n", m.label(), Format.number(a.doubleValue()),
                        Format.number(b.doubleValue())));
            }
        }
        Map<String, QuestionResult> old = before.questions().stream()
                .collect(Collectors.toMap(QuestionResult::id, Function.identity(), (x, y) -> x));
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (QuestionResult q : after.questions()) {
            QuestionResult p = old.get(q.id());
            if (p == null) {
                continue;
            }
            if (!p.passed() && q.passed()) {
                better.add("  + " + q.id() + " " + q.question());
            } else if (p.passed() && !q.passed()) {
                worse.add("  - " + q.id() + " " + q.question() + " (" + q.failure() + ")");
            } else if (!p.cited().equals(q.cited()) || !p.outcome().equals(q.outcome())) {
                changed.add("  ~ " + q.id() + " cited " + p.cited() + " -> " + q.cited());
            }
        }
        out.append("\nBetter (").append(better.size()).append("):\n");
        better.forEach(l -> out.append(l).append('\n'));
        out.append("Worse (").append(worse.size()).append("):\n");
        worse.forEach(l -> out.append(l).append('\n'));
        out.append("Changed citations, same result (").append(changed.size()).append("):\n");
        changed.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
