package dev.paracite.assistant;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.Paragraph;
import java.util.ArrayList;
import java.util.List;

/** The sentence that answers a reference to a paragraph or section the document does not have. */
final class MissingReferences {

    private MissingReferences() {}

    static String sentence(List<String> missing, Document document) {
        if (document.parts().size() > 1) {
            // a library's inventory would list every paragraph of every document
            return "The documents asked have no " + Lists.join(missing) + ".";
        }
        return "The document has no " + Lists.join(missing) + "; it has " + inventory(document) + ".";
    }

    /** "the preamble and paragraphs 1-24", collapsing consecutive numbers into ranges. */
    static String inventory(Document document) {
        List<String> parts = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (Paragraph p : document.paragraphs()) {
            if (p.label().equals(Paragraph.PREAMBLE)) {
                parts.add("the preamble");
            } else if (p.label().matches("\\d+")) {
                numbers.add(Integer.parseInt(p.label()));
            } else {
                parts.add("paragraph " + p.label());
            }
        }
        numbers.sort(null);
        if (!numbers.isEmpty()) {
            parts.add((numbers.size() == 1 ? "paragraph " : "paragraphs ") + ranges(numbers));
        }
        return Lists.join(parts);
    }

    private static String ranges(List<Integer> sorted) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            out.add(i == j ? sorted.get(i).toString() : sorted.get(i) + "-" + sorted.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }
}
