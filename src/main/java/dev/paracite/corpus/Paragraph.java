package dev.paracite.corpus;

import java.util.Objects;

/**
 * One numbered paragraph of a document (or the unnumbered preamble), with the section heading it
 * falls under. {@code line} is the 1-based source line where it starts. A paragraph of a library
 * document has a {@link Source}; a document read on its own has none. A library keeps a million
 * paragraphs' texts on disk rather than in memory: such a paragraph is {@link #kept} and reads its text
 * from its {@link Texts} when asked for it. Otherwise a value, compared by what it says.
 */
public final class Paragraph {

    /** Label of the unnumbered text before the first numbered paragraph. */
    public static final String PREAMBLE = "preamble";

    private final String label;
    private final String section;
    /** Null for a kept paragraph, whose text {@code texts} reads. */
    private final String text;
    private final int line;
    private final Source source;
    private final Texts texts;

    private Paragraph(String label, String section, String text, int line, Source source, Texts texts) {
        this.label = label;
        this.section = section;
        this.text = text;
        this.line = line;
        this.source = source;
        this.texts = texts;
    }

    public Paragraph(String label, String section, String text, int line, Source source) {
        this(label, section, text, line, source, null);
    }

    public Paragraph(String label, String section, String text, int line) {
        this(label, section, text, line, null);
    }

    /** A library paragraph whose text stays where the library keeps it until {@link #text()} reads it. */
    public static Paragraph kept(String label, String section, int line, Source source, Texts texts) {
        return new Paragraph(label, section, null, line, Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(texts, "texts"));
    }

    /**
     * Where a library paragraph is kept: its document's id, the version, and its label within that
     * version ({@code label} of the paragraph itself names the document too when the library has several).
     */
    public record Source(String document, int version, String label) {}

    /** Reads the text of a kept paragraph. */
    @FunctionalInterface
    public interface Texts {
        String text(Source source);
    }

    /** The same paragraph under another label (a library's {@code travel §4}); a kept one stays kept. */
    public Paragraph withLabel(String other) {
        return new Paragraph(other, section, text, line, source, texts);
    }

    public String label() {
        return label;
    }

    public String section() {
        return section;
    }

    public String text() {
        return text != null || texts == null ? text : texts.text(source);
    }

    public int line() {
        return line;
    }

    public Source source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Paragraph p && line == p.line && Objects.equals(label, p.label)
                && Objects.equals(section, p.section) && Objects.equals(source, p.source) && Objects.equals(text(), p.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, section, line, source);
    }

    @Override
    public String toString() {
        return "Paragraph[label=" + label + ", section=" + section + ", line=" + line + ", source=" + source + "]";
    }
}
