package dev.paracite.eval;

import java.util.List;
import java.util.Map;

/** The HTML report: summary table, a bar chart of the main rates per kind, and every question. */
final class HtmlReport {

    private HtmlReport() {}

    static String of(Report r) {
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Evaluation: ")
                .append(esc(r.set())).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>Evaluation: ").append(esc(r.set())).append("</h1><p>Model <code>").append(esc(r.model()))
                .append("</code>, ").append(esc(r.createdAt())).append(", ").append(r.overall().passed()).append(" of ")
                .append(r.overall().questions()).append(" questions passed.</p>");
        h.append("<h2>Metrics</h2><table><thead><tr><th>metric</th><th>all</th>");
        r.byKind().keySet().forEach(k -> h.append("<th>").append(esc(k)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (Metric m : Metric.ALL) {
            h.append("<tr><th scope=\"row\">").append(esc(m.label())).append("</th><td>").append(m.format(r.overall()))
                    .append("</td>");
            r.byKind().values().forEach(s -> h.append("<td>").append(m.format(s)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table><h2>Rates per kind</h2>").append(chart(r.byKind()));
        h.append("<h2>Questions</h2><table class=\"questions\"><thead><tr><th>id</th><th>kind</th><th>result</th>"
                + "<th>question</th><th>answer</th><th>cited / gold</th><th>why it failed</th></tr></thead><tbody>");
        for (QuestionResult q : r.questions()) {
            h.append("<tr class=\"").append(q.passed() ? "pass" : "fail").append("\"><td>").append(esc(q.id()))
                    .append("</td><td>").append(esc(q.kind())).append("</td><td>").append(q.passed() ? "pass" : "FAIL")
                    .append("</td><td>").append(esc(q.question())).append("</td><td>").append(esc(q.answer()))
                    .append("</td><td>").append(esc(q.cited() + " / " + q.gold())).append("</td><td>")
                    .append(q.failure() == null ? "" : esc(q.failure())).append("</td></tr>");
        }
        return h.append("</tbody></table></body></html>\n").toString();
    }

    /** Grouped horizontal bars: one group per kind, one bar per charted rate. */
    private static String chart(Map<String, Summary> byKind) {
        List<Metric> metrics = Metric.ALL.stream().filter(m -> Metric.CHARTED.contains(m.name())).toList();
        int barHeight = 12;
        int groupHeight = metrics.size() * barHeight + 18;
        int height = byKind.size() * groupHeight + 40;
        StringBuilder svg = new StringBuilder("<svg role=\"img\" aria-label=\"Rates per kind\" viewBox=\"0 0 760 ")
                .append(height).append("\" width=\"760\" height=\"").append(height).append("\">");
        for (int i = 0; i < metrics.size(); i++) {
            svg.append("<rect x=\"").append(10 + i * 125).append("\" y=\"4\" width=\"10\" height=\"10\" class=\"c")
                    .append(i).append("\"/><text x=\"").append(24 + i * 125).append("\" y=\"13\">")
                    .append(esc(SHORT.get(i))).append("</text>");
        }
        int y = 30;
        for (Map.Entry<String, Summary> kind : byKind.entrySet()) {
            svg.append("<text x=\"0\" y=\"").append(y + 10).append("\" class=\"kind\">").append(esc(kind.getKey()))
                    .append("</text>");
            for (int i = 0; i < metrics.size(); i++) {
                Number value = metrics.get(i).value().apply(kind.getValue());
                double v = value == null ? 0 : value.doubleValue();
                int by = y + 14 + i * barHeight;
                svg.append("<rect x=\"160\" y=\"").append(by).append("\" width=\"").append(Math.round(v * 520))
                        .append("\" height=\"").append(barHeight - 2).append("\" class=\"c").append(i).append("\"/>")
                        .append("<text x=\"").append(166 + Math.round(v * 520)).append("\" y=\"").append(by + 9)
                        .append("\">").append(value == null ? "—" : Format.number(v)).append("</text>");
            }
            y += groupHeight;
        }
        return svg.append("</svg>").toString();
    }

    /** Legend labels for {@link Metric#CHARTED}, short enough to sit side by side. */
    private static final List<String> SHORT = List.of("Cited gold", "Precision", "Supported", "Answered", "Refused",
            "Key facts");

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static final String CSS = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d1d1b;background:#fff}"
            + "table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;"
            + "padding:.25rem .5rem;text-align:left;vertical-align:top}thead th{background:#f0f0ec}"
            + ".questions td{max-width:28rem;overflow-wrap:anywhere}tr.fail td{background:#fdecec}"
            + "svg text{font-size:11px;fill:#1d1d1b}svg .kind{font-weight:700}.c0{fill:#1f5fbf}.c1{fill:#2e8b57}"
            + ".c2{fill:#c77c02}.c3{fill:#7b3fa0}.c4{fill:#c62828}.c5{fill:#00838f}";
}
