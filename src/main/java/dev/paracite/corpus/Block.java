package dev.paracite.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of source lines that starts with a numbered line, a heading, or (LOOSE) unnumbered text that
 * follows a heading or opens the document. Blank lines are skipped; line numbers are 1-based.
 */
record Block(Kind kind, List<Line> lines) {

    enum Kind { NUMBERED, HEADING, LOOSE }

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

    static List<Block> split(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        Block open = null;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Line numbered = new Line(i + 1, line);
            Kind kind = DocumentParser.structural(line).orElse(null);
            if (kind != null || open == null || open.kind() == Kind.HEADING) {
                open = new Block(kind == null ? Kind.LOOSE : kind, new ArrayList<>());
                blocks.add(open);
            }
            open.lines().add(numbered);
        }
        return blocks;
    }
}
