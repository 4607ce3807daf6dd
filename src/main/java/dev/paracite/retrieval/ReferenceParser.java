package dev.paracite.retrieval;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds references to paragraphs, sections and the preamble in a question and resolves them against a document. */
public final class ReferenceParser {

    private static final String LABEL = "\\d{1,7}[a-z]?";
    private static final String RANGE = "(?:-|–|—|to|through)";
    private static final String ITEM = LABEL + "(?:\\s*" + RANGE + "\\s*" + LABEL + ")?";
    private static final String LIST = ITEM + "(?:\\s*(?:,|and|&|or)\\s*" + ITEM + ")*";
    private static final Pattern PARAGRAPHS = Pattern.compile(
            "(?:\\b(?:paragraphs?|paras?\\.?|clauses?)|§§?|¶¶?)\\s*(" + LIST + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTIONS = Pattern.compile(
            "\\b(?:sections?|parts?|chapters?)\\s+([IVXLC]{1,7}|\\d{1,3})\\b(?:\\s*(?:,|and|&)\\s*([IVXLC]{1,7}|\\d{1,3})\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREAMBLE = Pattern.compile("\\bpreamble\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM_PARTS = Pattern.compile("(" + LABEL + ")(?:\\s*" + RANGE + "\\s*(" + LABEL + "))?",
            Pattern.CASE_INSENSITIVE);
    /** A range wider than this ("paragraphs 1-100000") is read as its first this-many labels. */
    static final int MAX_RANGE = 100;

    private final Document document;
    /** For a library: the documents a bare label may belong to, those the question names first. */
    private final List<Document.Part> parts;
    private final Set<String> labels = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();

    private ReferenceParser(Document document, List<Document.Part> parts) {
        this.document = document;
        this.parts = parts;
    }

    public static References find(String question, Document document) {
        return find(question, document, List.of());
    }

    /**
     * The same for a question asking the library documents {@code documents} (empty: all): a paragraph
     * number is looked up in the documents the question names ("paragraph 8 of the travel policy"), else
     * in those it asks.
     */
    public static References find(String question, Document document, List<String> documents) {
        List<Document.Part> parts = parts(question, document, documents);
        ReferenceParser parser = new ReferenceParser(document, parts);
        String rest = parser.paragraphs(question);
        if (!parser.labels.isEmpty() && parts.size() < document.parts().size()) {
            // "paragraph 8 of the travel policy": the document's name is part of the reference, not a topic
            for (Document.Part part : parts) {
                rest = cut(cut(rest, part.title()), part.id().replaceAll("[-_.]+", " "));
            }
        }
        rest = parser.sections(rest);
        rest = parser.preamble(rest);
        return new References(new ArrayList<>(parser.labels), new ArrayList<>(parser.missing), rest);
    }

    private String paragraphs(String text) {
        Matcher m = PARAGRAPHS.matcher(text);
        while (m.find()) {
            Matcher item = ITEM_PARTS.matcher(m.group(1));
            while (item.find()) {
                if (item.group(2) == null) {
                    label(item.group(1).toLowerCase(Locale.ROOT));
                } else {
                    range(item.group(1), item.group(2));
                }
            }
        }
        return m.replaceAll(" ");
    }

    private void range(String from, String to) {
        if (!from.matches("\\d+") || !to.matches("\\d+")) {
            label(from.toLowerCase(Locale.ROOT));
            label(to.toLowerCase(Locale.ROOT));
            return;
        }
        int a = Integer.parseInt(from);
        int b = Integer.parseInt(to);
        for (int n = Math.min(a, b); n <= Math.max(a, b) && n < Math.min(a, b) + MAX_RANGE; n++) {
            label(Integer.toString(n));
        }
    }

    private void label(String label) {
        if (document.paragraph(label).isPresent()) {
            labels.add(label);
            return;
        }
        List<String> found = parts.stream().map(p -> p.label(label)).filter(l -> document.paragraph(l).isPresent()).toList();
        if (found.isEmpty()) {
            missing.add("paragraph " + label);
        }
        labels.addAll(found);
    }

    /**
     * The library documents a bare paragraph number may refer to: those among {@code documents} (all when
     * empty) whose id or title the question names, or all of them when it names none.
     */
    private static List<Document.Part> parts(String question, Document document, List<String> documents) {
        List<Document.Part> asked = document.parts().stream()
                .filter(p -> documents.isEmpty() || documents.contains(p.id())).toList();
        String text = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        List<Document.Part> named = asked.stream().filter(p -> text.contains(words(p.id()))
                || p.title() != null && !p.title().isBlank() && text.contains(words(p.title()))).toList();
        return named.isEmpty() ? asked : named;
    }

    private static String cut(String text, String name) {
        if (name == null || name.isBlank()) {
            return text;
        }
        String words = String.join("\\W+", java.util.Arrays.stream(name.strip().split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).map(Pattern::quote).toList());
        return words.isEmpty() ? text : Pattern.compile("\\b" + words + "\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(" ");
    }

    /** {@code text} as lower-case words between spaces, for finding it in a question. */
    private static String words(String text) {
        return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }

    private String sections(String text) {
        Matcher m = SECTIONS.matcher(text);
        while (m.find()) {
            section(m.group(1));
            if (m.group(2) != null) {
                section(m.group(2));
            }
        }
        return m.replaceAll(" ");
    }

    private void section(String written) {
        String numeral = written.matches("\\d+") ? Roman.of(Integer.parseInt(written)) : written.toUpperCase(Locale.ROOT);
        List<String> found = document.sections().stream().filter(s -> s.startsWith(numeral + ". ")).toList();
        if (found.isEmpty()) {
            missing.add("section " + numeral);
        }
        found.forEach(s -> document.inSection(s).forEach(p -> labels.add(p.label())));
    }

    private String preamble(String text) {
        Matcher m = PREAMBLE.matcher(text);
        if (!m.find()) {
            return text;
        }
        if (document.paragraph(Paragraph.PREAMBLE).isPresent()) {
            labels.add(Paragraph.PREAMBLE);
        } else {
            missing.add("preamble");
        }
        return m.replaceAll(" ");
    }
}
