package dev.paracite.corpus;

import dev.paracite.text.Instructions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses plain text into numbered paragraphs under sections (the forms are {@link LineKind}'s, the labels
 * {@link Labels}'), and undoes the damage real
 * documents carry: a paragraph repeated with identical text is dropped, a line that repeats verbatim a
 * line already placed is dropped, and a reused number or a number out of order is flagged. Every drop
 * and flag becomes an {@link IngestionNote}; nothing is merged or discarded without one.
 */
public final class DocumentParser {

    /**
     * Lines shorter than this are never dropped as repeats: short lines ("Repealed.", "and") legitimately
     * recur, while the long lines of a pasted-twice block do not.
     */
    static final int MIN_REPEAT_LENGTH = 30;
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final Map<String, ParagraphDraft> paragraphs = new LinkedHashMap<>();
    private final Map<String, String> placedLines = new HashMap<>();
    private final Set<String> sections = new LinkedHashSet<>();
    private final Map<String, Integer> recurrences = new HashMap<>();
    private final Notes notes = new Notes();
    private final boolean perSection;
    private String section = "";
    private String sectionNumeral = "";
    private ParagraphDraft current;
    private int lastNumber;

    private DocumentParser(boolean perSection) {
        this.perSection = perSection;
    }

    /** Parses {@code text}; the result may have no paragraphs, which callers treat as an error. */
    public static Document parse(String name, String text) {
        List<Block> blocks = new ArrayList<>();
        Block.split(text, blocks::add);
        DocumentParser parser = new DocumentParser(Numbering.restartsPerSection(blocks));
        blocks.forEach(parser::accept);
        List<Paragraph> result = parser.paragraphs.values().stream().map(ParagraphDraft::build).toList();
        for (Paragraph p : result) {
            if (Instructions.addressesAnAssistant(p.text())) {
                parser.notes.add(IngestionNote.instructions(p.line(), p.label()));
            }
        }
        return new Document(name, result, List.copyOf(parser.sections), parser.notes.all());
    }

    private void accept(Block block) {
        if (block.opening() instanceof LineKind.Heading heading) {
            heading(block, heading);
        } else if (block.opening() instanceof LineKind.Numbered first) {
            numbered(block, first);
        } else {
            loose(block);
        }
    }

    private void heading(Block block, LineKind.Heading heading) {
        String normalized = heading.normalized();
        if (!sections.add(normalized)) {
            notes.drop(block.first().number(), "", "repeats heading \"" + normalized + "\"");
            section = normalized;
            sectionNumeral = heading.numeral();
            return;
        }
        if (!heading.written().equals(heading.numeral())) {
            notes.flag(block.first().number(), "", "heading numeral " + heading.written()
                    + " read as " + heading.numeral() + " (\"" + normalized + "\")");
        }
        section = normalized;
        sectionNumeral = heading.numeral();
        if (perSection) {
            lastNumber = 0;
            if (!sectionNumeral.isEmpty()) {
                notes.flag(block.first().number(), "", "numbering restarts in each numbered section; paragraphs under \""
                        + normalized + "\" are labelled " + Labels.qualified(sectionNumeral, "1") + ", "
                        + Labels.qualified(sectionNumeral, "2") + ", ...");
            }
        }
    }

    private void numbered(Block block, LineKind.Numbered first) {
        String label = perSection && first.plain() && !sectionNumeral.isEmpty()
                ? Labels.qualified(sectionNumeral, first.number()) : first.number();
        ParagraphDraft existing = paragraphs.get(label);
        if (existing == null) {
            if (first.plain()) {
                checkOrder(label, Integer.parseInt(first.number()), block.first().number());
            }
            start(label, first.text(), block);
        } else if (existing.sameText(first.text(), block.rest())) {
            notes.drop(block.first().number(), block.last().number(), label,
                    "paragraph " + label + " repeated with identical text");
            current = existing;
        } else if (existing.firstLine().equals(first.text())) {
            notes.drop(block.first().number(), label, "repeats the opening line of paragraph " + label);
            current = existing;
            appendResumed(block.rest());
        } else {
            String alias = freeLabel(label);
            notes.flag(block.first().number(), alias, "number " + label
                    + " appears again with different text; kept as paragraph " + alias);
            start(alias, first.text(), block);
        }
        if (first.plain()) {
            lastNumber = Math.max(lastNumber, Integer.parseInt(first.number()));
        }
    }

    private void checkOrder(String label, int number, int line) {
        if (number <= lastNumber) {
            notes.flag(line, label,
                    "paragraph " + number + " follows paragraph " + lastNumber + " (numbers out of order)");
        } else if (number > lastNumber + 1) {
            String missing = number == lastNumber + 2
                    ? "number " + (lastNumber + 1) + " is missing"
                    : "numbers " + (lastNumber + 1) + "-" + (number - 1) + " are missing";
            notes.flag(line, label,
                    "paragraph " + number + " follows " + (lastNumber == 0 ? "the start" : "paragraph " + lastNumber)
                            + "; " + missing);
        }
    }

    private void start(String label, String firstLine, Block block) {
        current = new ParagraphDraft(label, section, block.first().number());
        paragraphs.put(label, current);
        current.add(firstLine);
        place(key(firstLine), label);
        block.rest().forEach(this::append);
    }

    private void appendResumed(List<Block.Line> lines) {
        int added = 0;
        int from = -1;
        for (Block.Line line : lines) {
            if (append(line)) {
                from = from < 0 ? line.number() : from;
                added = line.number();
            }
        }
        if (from > 0) {
            notes.flagRange(from, added, current.label(), "text after the repeated opening line of paragraph "
                    + current.label() + " continues it and is kept there");
        }
    }

    private void loose(Block block) {
        if (current == null) {
            current = paragraphs.computeIfAbsent(Paragraph.PREAMBLE,
                    l -> new ParagraphDraft(l, "", block.first().number()));
        } else if (!current.label().equals(Paragraph.PREAMBLE)) {
            notes.flagRange(block.first().number(), block.last().number(), current.label(),
                    "unnumbered text under heading \"" + section + "\" kept with paragraph " + current.label());
        }
        block.lines().forEach(this::append);
    }

    /** Appends a line to the current paragraph unless it repeats a placed line; true when kept. */
    private boolean append(Block.Line line) {
        String key = key(line.text());
        String placedIn = placedLines.get(key);
        if (placedIn != null) {
            notes.drop(line.number(), placedIn, "repeats text of " + describe(placedIn));
            return false;
        }
        current.add(line.text());
        place(key, current.label());
        return true;
    }

    /** Remembers where a line (by its {@link #key}) was placed, if it is long enough to count as a repeat. */
    private void place(String key, String label) {
        if (key.length() >= MIN_REPEAT_LENGTH) {
            placedLines.putIfAbsent(key, label);
        }
    }

    /** The next unused label for a number that recurs with different text: 4b, 4c, ... (counted, not searched). */
    private String freeLabel(String label) {
        int n = recurrences.getOrDefault(label, 1);
        String candidate;
        do {
            candidate = Labels.suffixed(label, ++n);
        } while (paragraphs.containsKey(candidate));
        recurrences.put(label, n);
        return candidate;
    }

    private static String describe(String label) {
        return label.equals(Paragraph.PREAMBLE) ? "the preamble" : "paragraph " + label;
    }

    /** The text a repeated line is recognised by: stripped, each run of whitespace read as one space. */
    static String key(String text) {
        String stripped = text.strip();
        return hasWhitespaceToCollapse(stripped) ? WHITESPACE.matcher(stripped).replaceAll(" ") : stripped;
    }

    /** True when {@code text} has whitespace other than single spaces, which {@link #key} must rewrite. */
    private static boolean hasWhitespaceToCollapse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // the whitespace of Latin-1 other than the space is all control characters below it
            if ((c < ' ' || c > 0xFF) && Character.isWhitespace(c)) {
                return true;
            }
        }
        return text.contains("  ");
    }
}
