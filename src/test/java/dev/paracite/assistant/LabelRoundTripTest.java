package dev.paracite.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paracite.corpus.Document;
import dev.paracite.corpus.DocumentParser;
import dev.paracite.corpus.Paragraph;
import dev.paracite.retrieval.ReferenceParser;
import dev.paracite.retrieval.References;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random documents in every numbering and heading style, with restarts per chapter, numbers repeated
 * with other text and sub-items: every label the parser gives is unique, plain, and read back both from
 * a citation marker and from a question.
 */
class LabelRoundTripTest {

    private static final String[] PARAGRAPH_FORMS = {"%d. ", "%d) ", "(%d) ", "§ %d ", "§%d. ", "Article %d: ",
        "CLAUSE %d — ", "%d.%d "};
    private static final String[] HEADING_FORMS = {"%s. Title", "Chapter %d", "CHAPTER %s: Title", "Part %d — Title",
        "Section %d Title", "# Chapter %d: Title", "## Plain title %s", "### Other %d"};
    private static final String[] SUB_ITEMS = {"(a) an item;", "b) an item;", "(iv) an item;", "(7) an item;", "7) an item;"};
    private static final String[] WORDS = {"records", "are", "kept", "for", "seven", "years", "unless", "the", "council",
        "decides", "otherwise"};

    @Test
    void every_label_is_unique_plain_and_read_back_from_a_marker_and_a_question() {
        Random random = new Random(42);
        Set<String> shapes = new HashSet<>();
        for (int doc = 0; doc < 400; doc++) {
            Generated generated = generate(random);
            Document d = DocumentParser.parse("random-" + doc, generated.text);
            String where = "document " + doc + ":\n" + generated.text;
            List<String> labels = d.paragraphs().stream().map(Paragraph::label).toList();
            assertEquals(labels.size(), new HashSet<>(labels).size(), where);
            assertEquals(generated.paragraphs + (labels.contains(Paragraph.PREAMBLE) ? 1 : 0), labels.size(),
                    "sub-items never become paragraphs; " + where);
            for (String label : labels) {
                shapes.add(label.equals(Paragraph.PREAMBLE) ? label : label.replaceAll("[IVX]+", "R").replaceAll("\\d+", "9").replaceAll("[a-z]+$", "x"));
                assertTrue(label.chars().allMatch(c -> c > ' ' && c < 0x7F), label + " in " + where);
                List<CitationMarker> markers = CitationMarker.find("text [" + label + "].");
                assertEquals(1, markers.size(), label);
                assertEquals(List.of(label), markers.get(0).labels(), label);
                References refs = ReferenceParser.find("what does paragraph " + label + " say", d);
                assertEquals(List.of(label), refs.labels(), label + " in " + where);
                assertEquals(List.of(), refs.missing(), label);
            }
        }
        // the generator reached every kind of label: plain, suffixed, clause number, chapter-qualified
        assertTrue(shapes.containsAll(List.of("9", "9x", "9.9", "R.9", "R.9x", "9.9x", "preamble")), shapes.toString());
    }

    private record Generated(String text, int paragraphs) {}

    private static Generated generate(Random random) {
        String form = PARAGRAPH_FORMS[random.nextInt(PARAGRAPH_FORMS.length)];
        String heading = HEADING_FORMS[random.nextInt(HEADING_FORMS.length)];
        boolean restarts = random.nextBoolean();
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append("A preamble of ").append(words(random)).append('\n');
        }
        int paragraphs = 0;
        int number = 0;
        for (int section = 1, sections = 1 + random.nextInt(6); section <= sections; section++) {
            if (random.nextInt(5) > 0) {
                text.append(heading.replace("%s", roman(section)).replace("%d", Integer.toString(section))).append('\n');
            }
            number = restarts ? 0 : number;
            for (int p = 0, n = 1 + random.nextInt(6); p < n; p++) {
                boolean repeat = number > 0 && random.nextInt(6) == 0;
                number = repeat ? number : number + 1;
                String marker = form.startsWith("%d.%d") ? String.format(form, section, number) : String.format(form, number);
                text.append(marker).append("Item ").append(paragraphs).append(' ').append(words(random)).append('\n');
                paragraphs++;
                while (random.nextInt(3) == 0) {
                    String item = SUB_ITEMS[random.nextInt(SUB_ITEMS.length)];
                    // a line numbered in the document's own style is a paragraph, not an item
                    boolean ownStyle = String.format(form.replace("%d.%d", "%d"), 7, 7).startsWith(item.substring(0, 3));
                    text.append(ownStyle ? "" : item + "\n");
                }
            }
        }
        return new Generated(text.toString(), paragraphs);
    }

    private static String words(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(8); i < n; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return out.append("end.").toString();
    }

    private static String roman(int n) {
        return new String[] {"", "I", "II", "III", "IV", "V", "VI"}[n];
    }
}
