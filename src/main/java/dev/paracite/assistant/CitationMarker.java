package dev.paracite.assistant;

import dev.paracite.corpus.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation marker in answer text: {@code [8]}, {@code [8, 9]}, {@code [12-14]}, {@code [¶ 8]},
 * {@code [preamble]}, and across a library's documents {@code [travel §4]}, {@code [travel §4, §5]} (a
 * label after a document's takes its document). Bracketed text that is not a list of labels
 * ({@code [sic]}, {@code [the EU]}) is not a marker and is left alone.
 */
public record CitationMarker(int start, int end, List<String> labels) {

    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]\\n]{1,80})]");
    private static final Pattern ITEM = Pattern.compile(
            "(?:(" + Document.Part.ID + ")\\s*(?=[§¶]))?"
                    + "(?:(?:paragraphs?|paras?\\.?|¶¶?|§§?)\\s*)?(\\d{1,7}[a-z]?|preamble)(?:\\s*[-–—]\\s*(\\d{1,7}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*", Pattern.CASE_INSENSITIVE);
    /** Ranges wider than this ("[1-999999]") are not read as citations. */
    static final int MAX_RANGE = 50;

    public CitationMarker {
        labels = List.copyOf(labels);
    }

    /** All markers in {@code text}, in order. */
    public static List<CitationMarker> find(String text) {
        List<CitationMarker> markers = new ArrayList<>();
        Matcher m = BRACKETS.matcher(text);
        while (m.find()) {
            List<String> labels = parseLabels(m.group(1).strip());
            if (!labels.isEmpty()) {
                markers.add(new CitationMarker(m.start(), m.end(), labels));
            }
        }
        return markers;
    }

    /**
     * {@code text} with each marker reduced to the labels {@code keep} accepts: a marker left with none
     * disappears with the space before it, a reduced one is rewritten as {@code [8, 9]}.
     */
    public static String rewrite(String text, Predicate<String> keep) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (CitationMarker marker : find(text)) {
            List<String> kept = new ArrayList<>();
            for (String label : marker.labels()) {
                if (keep.test(label) && !kept.contains(label)) {
                    kept.add(label);
                }
            }
            String before = text.substring(from, marker.start());
            if (kept.isEmpty()) {
                out.append(before.stripTrailing());
            } else {
                out.append(before);
                out.append(kept.equals(marker.labels()) ? text.substring(marker.start(), marker.end())
                        : "[" + String.join(", ", kept) + "]");
            }
            from = marker.end();
        }
        return out.append(text.substring(from)).toString();
    }

    /** The labels inside a marker, or an empty list when the content is not a citation list. */
    static List<String> parseLabels(String inside) {
        List<String> labels = new ArrayList<>();
        String document = null;
        for (String part : SEPARATOR.split(inside, -1)) {
            Matcher item = ITEM.matcher(part.strip());
            if (!item.matches()) {
                return List.of();
            }
            document = item.group(1) != null ? item.group(1).toLowerCase(Locale.ROOT) : document;
            String first = item.group(2).toLowerCase(Locale.ROOT);
            List<String> local = new ArrayList<>();
            if (item.group(3) == null) {
                local.add(first);
            } else if (!expand(first, item.group(3), local)) {
                return List.of();
            }
            for (String label : local) {
                labels.add(document == null ? label : Document.Part.qualified(document, label));
            }
        }
        return labels;
    }

    private static boolean expand(String from, String to, List<String> labels) {
        if (!from.matches("\\d+")) {
            return false;
        }
        int a = Integer.parseInt(from);
        int b = Integer.parseInt(to);
        if (b < a || b - a >= MAX_RANGE) {
            return false;
        }
        for (int n = a; n <= b; n++) {
            labels.add(Integer.toString(n));
        }
        return true;
    }
}
