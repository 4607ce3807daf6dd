package dev.paracite.extractive;

import dev.paracite.corpus.Paragraph;
import dev.paracite.text.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a paragraph into {@link Unit}s. A line ending in a colon, or followed by lines that start in
 * lower case, is a lead-in; the lines under it are its items. Other lines are split into sentences by
 * the one sentence splitter ({@link Sentences}).
 */
final class Units {

    private Units() {}

    static List<Unit> of(Paragraph paragraph) {
        List<Unit> units = new ArrayList<>();
        String[] lines = paragraph.text().split("\n");
        int position = 0;
        int i = 0;
        while (i < lines.length) {
            List<String> sentences = Sentences.of(lines[i]);
            int items = countItems(lines, i);
            boolean colonLeadIn = items > 0 && lines[i].strip().endsWith(":");
            int plain = colonLeadIn ? sentences.size() - 1 : sentences.size();
            for (int s = 0; s < plain; s++) {
                units.add(Unit.of(paragraph.label(), position++, "", sentences.get(s), -1, false));
            }
            if (items > 0) {
                String leadIn = sentences.get(sentences.size() - 1);
                int list = position;
                List<String> itemTexts = new ArrayList<>();
                for (int k = 1; k <= items; k++) {
                    String item = lines[i + k].strip();
                    itemTexts.add(Unit.trimEnd(item));
                    units.add(Unit.of(paragraph.label(), position++, leadIn, item, list, false));
                }
                if (items > 1) {
                    units.add(Unit.of(paragraph.label(), list, leadIn, String.join("; ", itemTexts), list, true));
                }
            }
            i += 1 + items;
        }
        return units;
    }

    /** How many lines after {@code lines[at]} are items under it. */
    private static int countItems(String[] lines, int at) {
        boolean colon = lines[at].strip().endsWith(":");
        int n = 0;
        for (int k = at + 1; k < lines.length; k++) {
            String line = lines[k].strip();
            boolean lower = !line.isEmpty() && Character.isLowerCase(line.codePointAt(0));
            boolean newLeadIn = !lower && line.endsWith(":");
            if (newLeadIn || !(colon || lower)) {
                break;
            }
            n++;
        }
        return n;
    }
}
