package dev.paracite.corpus;

/**
 * One numbered paragraph of a document (or the unnumbered preamble), with the section heading it
 * falls under. {@code line} is the 1-based source line where it starts. A paragraph of a library
 * document has a {@link Source}; a document read on its own has none.
 */
public record Paragraph(String label, String section, String text, int line, Source source) {

    /** Label of the unnumbered text before the first numbered paragraph. */
    public static final String PREAMBLE = "preamble";

    public Paragraph(String label, String section, String text, int line) {
        this(label, section, text, line, null);
    }

    /**
     * Where a library paragraph is kept: its document's id, the version, and its label within that
     * version ({@code label} of the paragraph itself names the document too when the library has several).
     */
    public record Source(String document, int version, String label) {}
}
