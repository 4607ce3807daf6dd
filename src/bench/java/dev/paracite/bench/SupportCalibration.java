package dev.paracite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paracite.corpus.Paragraph;
import dev.paracite.eval.CalibrationSources;
import dev.paracite.embedding.CachingEmbedder;
import dev.paracite.grounding.Features;
import dev.paracite.grounding.Rule;
import dev.paracite.grounding.Support;
import dev.paracite.grounding.SupportSettings;
import dev.paracite.grounding.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The grid behind {@link SupportSettings#DEFAULT}: the support check's measurements are taken once per
 * pair of eval/support-calibration.jsonl, every combination of thresholds is scored on the tuning half
 * (unsupported statements caught, supported ones kept), and the chosen settings are reported on the
 * test half, per category and with each rule left out in turn. Console only.
 * Arguments: [calibration file] [verbose].
 */
public final class SupportCalibration {

    private SupportCalibration() {}

    record Pair(JsonNode row, Features features) {
        boolean truth() {
            return row.get("supported").asBoolean();
        }
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "eval/support-calibration.jsonl");
        boolean verbose = args.length > 1 && args[1].equals("verbose");
        ObjectMapper json = new ObjectMapper();
        Support measure = new Support(new CachingEmbedder(Models.load(args.length > 2 ? args[2] : "bge-small-en-v1.5-q"), 10_000), SupportSettings.DEFAULT);
        CalibrationSources documents = new CalibrationSources(Path.of(System.getProperty("shared", "../shared/datasets")));
        List<Pair> tune = new ArrayList<>();
        List<Pair> test = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                Paragraph paragraph = documents.paragraph(row.get("source").asText(), row.get("paragraph").asText());
                Pair p = new Pair(row, measure.features(row.get("statement").asText(), paragraph,
                        documents.context(row.get("source").asText()), true));
                (row.path("split").asText("tune").equals("test") ? test : tune).add(p);
            }
        }
        if (args.length > 1 && args[1].equals("dump")) {
            try (java.io.PrintWriter w = new java.io.PrintWriter("target/support-features.tsv")) {
                for (Pair p : java.util.stream.Stream.concat(tune.stream(), test.stream()).toList()) {
                    Features f = p.features();
                    w.printf("%s\t%s\t%s\t%s\t%.4f\t%.4f\t0\t%s\t%s%n", p.row().get("id").asText(),
                            p.row().path("split").asText(), p.row().get("category").asText(), p.truth(), f.lexical(),
                            f.semantic(), f.violated(), f.reason());
                }
            }
            return;
        }
        SupportSettings best = null;
        double[] bestRates = null;
        for (double lexical : steps(0.5, 1.0, 0.05)) {
            for (double floor : steps(0.2, lexical, 0.05)) {
                for (double semantic : steps(0.4, 1.0, 0.05)) {
                    SupportSettings s = new SupportSettings(lexical, floor, semantic, EnumSet.allOf(Rule.class));
                    double[] r = rates(tune, s, null, false);
                    if (r[1] >= MIN_KEPT && (best == null || r[0] > bestRates[0] + 1e-9
                            || Math.abs(r[0] - bestRates[0]) <= 1e-9 && r[1] > bestRates[1] + 1e-9)) {
                        best = s;
                        bestRates = r;
                    }
                }
            }
        }
        System.out.printf("tuning half: %d pairs (%d unsupported, %d supported)%n", tune.size(), count(tune, false), count(tune, true));
        System.out.printf("chosen (most caught while keeping >= %.2f): lexical %.2f floor %.2f semantic %.2f: caught %.3f kept %.3f%n",
                MIN_KEPT, best.lexical(), best.floor(), best.semantic(), bestRates[0], bestRates[1]);
        List<Pair> report = test.isEmpty() ? tune : test;
        System.out.printf("%s: %d pairs (%d unsupported, %d supported)%n", test.isEmpty() ? "no test half; tuning half again"
                : "test half", report.size(), count(report, false), count(report, true));
        Map<String, int[]> byCategory = new TreeMap<>();
        double[] r = rates(report, best, byCategory, verbose);
        System.out.printf("  chosen settings: caught %.3f kept %.3f%n", r[0], r[1]);
        byCategory.forEach((c, n) -> System.out.printf("    %-20s %d/%d right%n", c, n[0], n[1]));
        for (Rule rule : Rule.values()) {
            Set<Rule> without = EnumSet.allOf(Rule.class);
            without.remove(rule);
            double[] w = rates(report, new SupportSettings(best.lexical(), best.floor(), best.semantic(), without), null, false);
            System.out.printf("  without %-12s caught %.3f kept %.3f%n", rule, w[0], w[1]);
        }
        double[] words = rates(report, new SupportSettings(best.lexical(), best.floor(), 2, best.rules()), null, false);
        System.out.printf("  without the embedding: caught %.3f kept %.3f%n", words[0], words[1]);
        double[] none = rates(report, new SupportSettings(best.lexical(), best.floor(), best.semantic(), Set.of()), null, false);
        System.out.printf("  without any rule: caught %.3f kept %.3f%n", none[0], none[1]);
        double[] d = rates(report, SupportSettings.DEFAULT, null, false);
        System.out.printf("  SupportSettings.DEFAULT: caught %.3f kept %.3f%n", d[0], d[1]);
    }

    /** The least share of supported statements the chosen settings must keep on the tuning half. */
    private static final double MIN_KEPT = 0.80;

    private static double[] steps(double from, double to, double step) {
        List<Double> out = new ArrayList<>();
        for (double v = from; v <= to + 1e-9; v += step) {
            out.add(Math.round(v * 100) / 100.0);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long count(List<Pair> pairs, boolean supported) {
        return pairs.stream().filter(p -> p.truth() == supported).count();
    }

    /** {caught, kept}: share of unsupported pairs judged unsupported, of supported pairs judged supported. */
    static double[] rates(List<Pair> pairs, SupportSettings s, Map<String, int[]> byCategory, boolean verbose) {
        int unsupported = 0;
        int caught = 0;
        int supported = 0;
        int kept = 0;
        for (Pair p : pairs) {
            Verdict v = Support.decide(p.features(), s);
            if (p.truth()) {
                supported++;
                kept += v.supported() ? 1 : 0;
            } else {
                unsupported++;
                caught += v.supported() ? 0 : 1;
            }
            if (byCategory != null) {
                int[] n = byCategory.computeIfAbsent(p.row().path("category").asText("?"), k -> new int[2]);
                n[0] += v.supported() == p.truth() ? 1 : 0;
                n[1]++;
                if (verbose && v.supported() != p.truth()) {
                    Features f = p.features();
                    System.out.printf("    WRONG %s %s: %s -- %s (words %.2f, meaning %.2f, rules %s)%n",
                            p.row().get("id").asText(), p.row().get("category").asText(), p.row().get("statement").asText(),
                            v.reason(), f.lexical(), f.semantic(), f.violated());
                }
            }
        }
        return new double[] {unsupported == 0 ? 1 : caught / (double) unsupported, supported == 0 ? 1 : kept / (double) supported};
    }
}
