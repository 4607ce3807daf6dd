package dev.paracite.corpus;

import java.util.ArrayList;
import java.util.List;

/** A paragraph while the parser is still adding lines to it. */
final class ParagraphDraft {

    private final String label;
    private final String section;
    private final int line;
    /** Most paragraphs are one line: that line is their text, and it needs no room for more. */
    private final List<String> lines = new ArrayList<>(1);

    ParagraphDraft(String label, String section, int line) {
        this.label = label;
        this.section = section;
        this.line = line;
    }

    String label() {
        return label;
    }

    String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    void add(String text) {
        lines.add(text);
    }

    boolean sameText(String firstLine, List<Block.Line> rest) {
        List<String> other = new ArrayList<>();
        other.add(firstLine);
        rest.forEach(l -> other.add(l.text()));
        return lines.equals(other);
    }

    Paragraph build() {
        String text = lines.size() == 1 ? lines.get(0) : String.join("\n", lines);
        return new Paragraph(label, section, text, line);
    }
}
