package dev.paracite.corpus;

import java.util.Optional;

/**
 * A numbered section's name read back into its parts: "Chapter II. Scope" is kind "Chapter", value 2;
 * "IV. Title" is kind "" (a bare numeral), value 4. Names are {@link Paragraph#section()}'s.
 */
public record SectionName(String name, String kind, int value) {

    /** The parts of {@code section}; empty for a section with no number (a Markdown heading, say). */
    public static Optional<SectionName> read(String section) {
        return LineKind.heading(section).filter(h -> !h.numeral().isEmpty())
                .map(h -> new SectionName(section, h.kind(), Numerals.value(h.numeral())));
    }
}
