package dev.paracite.assistant;

import dev.paracite.assistant.Response.DroppedCitation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps only citations of paragraphs that were provided for this question. Invalid labels are removed
 * from the text (a marker left empty disappears with the space before it) and reported with a reason.
 *
 * @param text    the answer with only valid markers left
 * @param cited   valid labels in order of first citation
 * @param dropped removed citations, in order
 */
public record CitationCheck(String text, List<String> cited, List<DroppedCitation> dropped) {

    static final String UNKNOWN = "the document has no such paragraph";
    static final String NOT_PROVIDED = "the paragraph was not retrieved for this question";

    public CitationCheck {
        cited = List.copyOf(cited);
        dropped = List.copyOf(dropped);
    }

    /**
     * @param provided labels retrieved or named for this question
     * @param existing every label the document has
     */
    public static CitationCheck of(String text, Set<String> provided, Set<String> existing) {
        CitationCheck raw = rewrite(text, provided, existing);
        return new CitationCheck(raw.text().strip(), raw.cited(), raw.dropped());
    }

    /** Like {@link #of} for a piece of a longer text: nothing is trimmed from its ends. */
    public static CitationCheck rewrite(String text, Set<String> provided, Set<String> existing) {
        StringBuilder out = new StringBuilder();
        Set<String> cited = new LinkedHashSet<>();
        List<DroppedCitation> dropped = new ArrayList<>();
        int from = 0;
        for (CitationMarker marker : CitationMarker.find(text)) {
            List<String> valid = new ArrayList<>();
            for (String label : marker.labels()) {
                if (provided.contains(label)) {
                    if (!valid.contains(label)) {
                        valid.add(label);
                    }
                } else {
                    dropped.add(new DroppedCitation(label, existing.contains(label) ? NOT_PROVIDED : UNKNOWN));
                }
            }
            String before = text.substring(from, marker.start());
            if (valid.isEmpty()) {
                out.append(before.stripTrailing());
            } else {
                out.append(before);
                boolean unchanged = valid.size() == marker.labels().size();
                out.append(unchanged ? text.substring(marker.start(), marker.end()) : "[" + String.join(", ", valid) + "]");
                cited.addAll(valid);
            }
            from = marker.end();
        }
        out.append(text.substring(from));
        return new CitationCheck(out.toString(), new ArrayList<>(cited), dropped);
    }
}
