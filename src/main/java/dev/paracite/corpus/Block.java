package dev.paracite.corpus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run of source lines that starts with a numbered line or a heading ({@code opening}), or that is
 * unnumbered text following a heading or opening the document ({@code opening} null). Blank lines are
 * skipped; line numbers are 1-based.
 */
record Block(LineKind.Opening opening, List<Line> lines) {

    record Line(int number, String text) {}

    Line first() {
        return lines.get(0);
    }

    Line last() {
        return lines.get(lines.size() - 1);
    }

    List<Line> rest() {
        return lines.subList(1, lines.size());
    }

    /**
     * Hands {@code sink} the blocks of {@code text} in order, each once it is complete. Lines end at CR,
     * LF or CRLF ({@link String#lines}), and each line is classified once, here. The first numbered line
     * sets the document's numbering style; a line numbered in another style ({@code (1)} under
     * {@code § 3}, a numbered list inside an article) is an item of the paragraph it falls in.
     */
    static void split(String text, Consumer<Block> sink) {
        Block open = null;
        LineKind.Style style = null;
        Iterator<String> raw = text.lines().iterator();
        for (int number = 1; raw.hasNext(); number++) {
            String line = raw.next().strip();
            if (line.isEmpty()) {
                continue;
            }
            LineKind.Opening opening = LineKind.opening(line).orElse(null);
            if (opening instanceof LineKind.Numbered numbered) {
                style = style == null ? numbered.style() : style;
                opening = numbered.style() == style ? opening : null;
            }
            if (opening != null || open == null || open.opening() instanceof LineKind.Heading) {
                if (open != null) {
                    sink.accept(open);
                }
                open = new Block(opening, new ArrayList<>(1));
            }
            open.lines().add(new Line(number, line));
        }
        if (open != null) {
            sink.accept(open);
        }
    }
}
